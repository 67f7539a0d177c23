using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>
/// Topics are data (<see cref="TopicCatalog"/>): every topic is fully defined, cue priorities are unambiguous, and
/// members' everyday phrasings land on the topic a person would say they ask about.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class TopicCatalogTests
{
    private static readonly HashSet<string> NoVocabulary = new(StringComparer.Ordinal);

    public static TheoryData<Topic> ModelledTopics() => [.. Enum.GetValues<Topic>().Where(t => t != Topic.General)];

    [Theory]
    [MemberData(nameof(ModelledTopics))]
    public void Every_modelled_topic_is_defined_completely(Topic topic)
    {
        var definition = TopicCatalog.Of(topic);
        Assert.NotNull(definition);
        Assert.Equal(topic, definition.Topic);
        Assert.False(string.IsNullOrWhiteSpace(definition.Description), $"{topic} has no description");
        Assert.NotEmpty(definition.Questions);
        Assert.NotEmpty(definition.Settling);
        Assert.True(definition.Section is null || (definition.Section.HeadingKeys.Count > 0 && definition.Section.Bonus > 0), $"{topic}'s section cue is empty");
        // Posts describe each aspect a member may ask about; other topics have no aspects.
        Assert.Equal(topic is Topic.Chair or Topic.ViceChair, definition.HowChosenDescription is not null && definition.TermDescription is not null);
    }

    [Fact]
    public void The_general_topic_has_no_definition_and_no_topic_is_missing() =>
        Assert.Equal(Enum.GetValues<Topic>().Where(t => t != Topic.General).Order(), TopicCatalog.Definitions.Keys.Order());

    [Fact]
    public void Question_cue_priorities_are_unique_so_the_order_is_explicit()
    {
        var priorities = TopicCatalog.QuestionCues.Select(c => c.Cue.Priority).ToList();
        Assert.Equal(priorities.Count, priorities.Distinct().Count());
        Assert.Equal(priorities.Order(), priorities);
    }

    [Fact]
    public void Typed_topics_parse_their_own_wording_into_their_rule()
    {
        Assert.IsType<QuorumRule>(TopicCatalog.Of(Topic.Quorum)!.Parse!("The quorum shall be one third of the members."));
        Assert.IsType<NoticePeriod>(TopicCatalog.Of(Topic.PapersDeadline)!.Parse!("Papers will be circulated five working days before the meeting."));
        Assert.IsType<NoticePeriod>(TopicCatalog.Of(Topic.MinutesDeadline)!.Parse!("Minutes will be circulated within ten working days of the meeting."));
        Assert.IsType<MeetingFrequency>(TopicCatalog.Of(Topic.Frequency)!.Parse!("The Board will meet quarterly."));
    }

    [Theory]
    [InlineData("who chairs it?", Topic.Chair)]
    [InlineData("who runs the meetings?", Topic.Chair)]
    [InlineData("who's in charge of the partnership", Topic.Chair)]
    [InlineData("how is the chairman picked", Topic.Chair)]
    [InlineData("is there a deputy chair?", Topic.ViceChair)]
    [InlineData("who is vice chair", Topic.ViceChair)]
    [InlineData("how often do we meet?", Topic.Frequency)]
    [InlineData("how many meetings a year are there", Topic.Frequency)]
    [InlineData("which months are the meetings in?", Topic.ScheduleMonths)]
    [InlineData("what are the meeting dates", Topic.ScheduleMonths)]
    [InlineData("whats quorum", Topic.Quorum)]
    [InlineData("are we quorate with four people?", Topic.Quorum)]
    [InlineData("how many members need to be there to make a decision", Topic.Quorum)]
    [InlineData("can I send someone in my place?", Topic.Substitutes)]
    [InlineData("is a stand-in allowed if I'm away", Topic.Substitutes)]
    [InlineData("can my deputy come instead of me", Topic.Substitutes)]
    [InlineData("who takes the minutes?", Topic.Secretariat)]
    [InlineData("who provides admin support", Topic.Secretariat)]
    [InlineData("when do the minutes come out?", Topic.MinutesDeadline)]
    [InlineData("how soon are minutes circulated after a meeting", Topic.MinutesDeadline)]
    [InlineData("how far ahead do papers go out?", Topic.PapersDeadline)]
    [InlineData("when is the deadline for reports", Topic.PapersDeadline)]
    [InlineData("can I table a late paper", Topic.PapersDeadline)]
    [InlineData("do we vote on things?", Topic.DecisionMaking)]
    [InlineData("does the chair have a casting vote", Topic.DecisionMaking)]
    [InlineData("how are decisions made", Topic.DecisionMaking)]
    [InlineData("do I need to declare an interest?", Topic.ConflictsOfInterest)]
    [InlineData("what if I have a conflict of interest", Topic.ConflictsOfInterest)]
    [InlineData("where does the money come from", Topic.Funding)]
    [InlineData("does the group have a budget?", Topic.Funding)]
    [InlineData("who is the board accountable to", Topic.Accountability)]
    [InlineData("who oversees the partnership?", Topic.Accountability)]
    [InlineData("what reports does the board produce", Topic.Reporting)]
    [InlineData("can the public come to meetings", Topic.PublicAccess)]
    [InlineData("are meetings held in public?", Topic.PublicAccess)]
    [InlineData("when were the terms of reference agreed", Topic.Adoption)]
    [InlineData("when will the terms of reference be reviewed?", Topic.Review)]
    [InlineData("what's the purpose of this group?", Topic.Purpose)]
    [InlineData("what are the aims of the board", Topic.Purpose)]
    [InlineData("who sits on the board?", Topic.Membership)]
    [InlineData("which organisations are represented", Topic.Membership)]
    [InlineData("do I have to attend every meeting", Topic.Membership)]
    [InlineData("what's the point of the partnership?", Topic.Purpose)]
    [InlineData("what does this group actually cover?", Topic.Purpose)]
    [InlineData("what does the committee deal with", Topic.Purpose)]
    [InlineData("can I send a sub?", Topic.Substitutes)]
    [InlineData("could a colleague go instead if I'm off?", Topic.Substitutes)]
    [InlineData("can residents come and watch?", Topic.PublicAccess)]
    [InlineData("can we meet more often than quarterly?", Topic.Frequency)]
    [InlineData("what time of year do we meet", Topic.ScheduleMonths)]
    [InlineData("who's on it?", Topic.Membership)]
    [InlineData("which councils are part of the partnership", Topic.Membership)]
    [InlineData("only three of us turned up, can we go ahead?", Topic.Quorum)]
    [InlineData("how do I get an item on the agenda?", Topic.PapersDeadline)]
    [InlineData("can we make decisions or only recommend?", Topic.General)]
    [InlineData("is there parking at the venue?", Topic.General)]
    [InlineData("how long are meetings?", Topic.General)]
    [InlineData("can the chair take the notes if the clerk is away?", Topic.Secretariat)]
    [InlineData("can the public speak at meetings?", Topic.PublicAccess)]
    [InlineData("how often are the terms of reference looked at again?", Topic.Review)]
    [InlineData("what's the forum for, really?", Topic.Purpose)]
    // Chat drops apostrophes: the cues must still read them.
    [InlineData("whats the forum actually for", Topic.Purpose)]
    [InlineData("whos on the steering group", Topic.Membership)]
    [InlineData("whos in charge", Topic.Chair)]
    public void Everyday_phrasings_map_to_the_topic_asked_about(string question, Topic expected) =>
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, NoVocabulary).Topic);
}
