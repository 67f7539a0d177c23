using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>
/// Governance wording that boards outside the samples use (found on the blind "fresh" set), written here in
/// our own words: each line is a pattern, so a rewording of it must read the same.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public class GeneralWordingTests
{
    private static readonly HashSet<string> NoVocabulary = new(StringComparer.Ordinal);

    [Theory]
    [InlineData(Topic.Secretariat, "The Clerk will record meetings.")]
    [InlineData(Topic.Secretariat, "The Governance Officer shall attend to take minutes.")]
    [InlineData(Topic.Secretariat, "Support will be provided by the Democratic Services team.")]
    [InlineData(Topic.Secretariat, "The County Council will act as host authority and provide officer support.")]
    [InlineData(Topic.ConflictsOfInterest, "Standing orders on the interests of members shall apply.")]
    [InlineData(Topic.PapersDeadline, "Agendas will be circulated in accordance with the Local Government Act.")]
    [InlineData(Topic.MinutesDeadline, "The minutes of the previous meeting will be circulated with the next agenda.")]
    [InlineData(Topic.Frequency, "The panel will meet at least once a term.")]
    [InlineData(Topic.Purpose, "The forum has been set up to give young people a voice.")]
    [InlineData(Topic.Substitutes, "Members should arrange a suitably briefed replacement if they are unable to attend.")]
    public void Wording_settles_its_topic(Topic topic, string text) =>
        Assert.True(TopicCues.Settles(topic, text) > 0, text);

    [Theory]
    [InlineData("The forum will have twelve members, from whom a Chairman will be elected.")]
    [InlineData("Members will elect one of the councillors as Chair at the first meeting.")]
    [InlineData("Independent Chair (appointed by the partners)")]
    // A membership list whose role column says "Chair", quoted as one passage with its other items.
    [InlineData("The group has the following members: Director of Place – Chair; Head of Housing; Police Inspector")]
    public void Wording_says_who_holds_or_picks_the_chair(string text) =>
        Assert.True(TopicCues.NamesHolder(Topic.Chair, text), text);

    [Theory]
    [InlineData("meets at least once a term", 3.0)]
    [InlineData("meets twice per school term", 6.0)]
    [InlineData("meets termly", 3.0)]
    public void Term_rates_count_three_school_terms_a_year(string text, double perYear) =>
        Assert.Equal(perYear, MeetingFrequency.Rate(text));

    [Fact]
    public void A_clause_that_only_names_the_post_does_not_answer_how_long_the_chair_serves()
    {
        var board = PartnershipBot.Features.TermsOfReference.Model.TermsOfReferenceModel.Build("riverside.txt", """
            Riverside Nature Partnership Terms of Reference

            1. Forum responsibilities
            - Selecting Chair and Vice-chair
            - Agreeing the annual work plan

            2. Meetings
            The forum meets at least once a year.
            """);

        var answer = TestBoards.Ask(board, "how long does the chair serve for?");

        Assert.False(answer.Answered, answer.Answer);
    }

    [Fact]
    public void A_school_term_is_not_a_place()
    {
        Assert.False(AnswerShape.Fits(ExpectedAnswer.Where, "The group meets twice per school term."));
        Assert.True(AnswerShape.Fits(ExpectedAnswer.Where, "Meetings are held at the school."));
    }

    [Fact]
    public void The_name_of_the_holder_now_is_asked_for_in_many_wordings()
    {
        var question = QuestionAnalyzer.Analyze("what's the name of the person chairing the forum right now", NoVocabulary);

        Assert.Equal(Topic.Chair, question.Topic);
        Assert.Equal(ChairAspect.Who, question.ChairAspect);
        Assert.True(question.AsksForCurrentHolder);
    }

    [Fact]
    public void A_current_holder_is_named_in_the_item_that_names_the_post_not_elsewhere_in_the_list()
    {
        const string tor = "Riverside Youth Forum\n\nAims\n\n- To support Hollins Park residents.\n- To meet with the Town Council.\n- The Forum will have ten members from which a Chair will be elected.\n";

        var answer = TestBoards.Ask(TermsOfReferenceModel.Build("riverside.txt", tor), "who's the forum chair this year?");

        Assert.False(answer.Answered, answer.Answer);
    }

    [Fact]
    public void A_list_item_is_quoted_after_the_lead_in_that_gives_it_its_meaning()
    {
        const string tor = "Harbour Committee\n\nReferred business\n\nThe committee will make recommendations to the full Council on:\n- any amendment of these terms of reference;\n- the annual harbour budget.\n";

        var item = TermsOfReferenceModel.Build("harbour.txt", tor).Passages.Single(p => p.Text.StartsWith("any amendment", StringComparison.Ordinal));

        Assert.Equal("The committee will make recommendations to the full Council on: … any amendment of these terms of reference;", item.Quote);
    }

    [Theory]
    [InlineData("All members have full voting rights.", false)]
    [InlineData("All members have full voting rights. Where votes are tied the Chair has a deciding vote.", true)]
    public void A_casting_vote_question_needs_a_clause_on_breaking_a_tie(string clause, bool answered)
    {
        var tor = "Moorside Panel\n\nVoting\n\n" + clause + "\n";

        var answer = TestBoards.Ask(TermsOfReferenceModel.Build("moorside.txt", tor), "does the chair get a casting vote?");

        Assert.Equal(answered, answer.Answered);
    }

    [Theory]
    [InlineData("who holds the panel to account?", "subject to annual scrutiny by the Overview Committee")]
    [InlineData("how often are we scrutinised?", "annual scrutiny")]
    public void Scrutiny_by_another_body_is_accountability(string question, string expected)
    {
        const string tor = "Moorside Panel\n\nGovernance\n\nThe panel is subject to annual scrutiny by the Overview Committee.\n\nMeetings\n\nThe panel meets quarterly.\n";

        var answer = TestBoards.Ask(TermsOfReferenceModel.Build("moorside.txt", tor), question);

        Assert.True(answer.Answered, answer.Answer);
        Assert.Contains(expected, answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clause_under_a_meetings_and_quorum_heading_that_gives_no_number_is_not_the_quorum()
    {
        const string tor = "Valley Panel\n\n2 Meetings and Quorum\n\n2.1 Papers will be sent out five working days before each meeting.\n";

        var answer = TestBoards.Ask(TermsOfReferenceModel.Build("valley.txt", tor), "what's the quorum?");

        Assert.False(answer.Answered, answer.Answer);
    }

    [Fact]
    public void A_quorum_heading_settles_the_number_under_it()
    {
        const string tor = "Valley Panel\n\nQuorum\n\nA minimum of four panel members are required for decisions.\n";

        var answer = TestBoards.Ask(TermsOfReferenceModel.Build("valley.txt", tor), "if only 3 of us turn up can we still decide?");

        Assert.True(answer.Answered, answer.Answer);
        Assert.Contains("four panel members", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can we invite outside speakers?", "external speakers")]
    [InlineData("is this a permanent group?", "task and finish")]
    [InlineData("which adults help run it?", "Youth Services team")]
    [InlineData("can we send a sub if our rep cant make it?", "nominate a substitute")]
    public void Member_words_find_the_ToR_words(string question, string expected)
    {
        const string tor = "Kelby Youth Forum\n\nAbout the forum\n\nThe forum is a task and finish group that will close in March 2027.\n\nThe forum may invite external speakers to its meetings.\n\nSupport will be provided by the Youth Services team.\n\nEach partner may nominate a substitute to attend in place of its named member.\n\nMeetings\n\nThe forum meets monthly.\n";

        var answer = TestBoards.Ask(TermsOfReferenceModel.Build("kelby.txt", tor), question);

        Assert.True(answer.Answered, answer.Answer);
        Assert.Contains(expected, answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The Task Group will prepare papers for the quarterly Board meetings.", false)]
    [InlineData("The Task Group will meet monthly and prepare papers for the quarterly Board meetings.", true)]
    [InlineData("The Task Group will hold quarterly Task Group meetings.", true)]
    public void Another_bodys_meeting_rate_is_not_the_boards_own(string clause, bool settled)
    {
        var tor = "Harbour Task Group\n\nRemit\n\n" + clause + "\n";

        var model = TermsOfReferenceModel.Build("harbour.txt", tor);

        Assert.Equal(settled, model.Facts[Topic.Frequency].Status == FactStatus.Stated);
    }
}
