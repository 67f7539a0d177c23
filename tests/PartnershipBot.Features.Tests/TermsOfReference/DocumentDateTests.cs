using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>
/// "How old are these ToR?": members ask for the document's date, which ToRs carry on the cover title, on a line of
/// its own, or in a version line. The texts are written for these tests.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public class DocumentDateTests
{
    private static readonly HashSet<string> NoVocabulary = new(StringComparer.Ordinal);

    private const string Body = """

        1. Purpose
        The partnership exists to reduce crime and disorder across the borough.

        2. Meetings
        The partnership will meet quarterly. A three year strategy guides its work.
        """;

    [Theory]
    [InlineData("how old are these terms of reference")]
    [InlineData("which year are these tor from")]
    [InlineData("what date are the tor")]
    [InlineData("When was this version of the ToR produced?")]
    [InlineData("when were these terms of reference last updated?")]
    [InlineData("what's the date of the terms of reference?")]
    public void Asking_for_the_documents_date_is_its_own_topic(string question) =>
        Assert.Equal(Topic.DocumentDate, QuestionAnalyzer.Analyze(question, NoVocabulary).Topic);

    [Theory]
    [InlineData("when were the terms of reference agreed", Topic.Adoption)]
    [InlineData("when will the terms of reference be reviewed?", Topic.Review)]
    [InlineData("what date is the next meeting?", Topic.General)]
    public void Neighbouring_questions_keep_their_own_topic(string question, Topic expected) =>
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, NoVocabulary).Topic);

    [Theory]
    // The year on a cover title that the parser reads as a heading.
    [InlineData("Riverside Community Safety Partnership\n\nRiverside Community Safety Partnership Terms of Reference 2021\n", "2021")]
    // A title line with a month and year after a dash.
    [InlineData("Riverside Community Safety Partnership\n\nGovernance and Terms of Reference – Delivery stage – May 2019\n", "May 2019")]
    // A date alone under the title, in capitals.
    [InlineData("Riverside Community Safety Partnership\nTerms of Reference\nSEPTEMBER 2018\n", "SEPTEMBER 2018")]
    // A version line.
    [InlineData("Riverside Community Safety Partnership Terms of Reference\nVersion 3, updated 14th March 2022.\n", "14th March 2022")]
    // A label and its value, run on into the next line's text.
    [InlineData("Riverside Community Safety Partnership\nTerms of Reference : April 2020 (draft for the Board\n", "April 2020")]
    public void The_date_the_document_carries_answers_how_old_it_is(string cover, string date)
    {
        var board = TermsOfReferenceModel.Build("riverside.txt", cover + Body);

        Assert.Equal(date, board.DocumentDate);
        var answer = TestBoards.Ask(board, "how old are these terms of reference?");
        Assert.True(answer.Answered, answer.Answer);
        Assert.Contains($"dated {date}", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_dated_in_the_text_does_not_date_the_document()
    {
        var board = TermsOfReferenceModel.Build("riverside.txt",
            "Riverside Community Safety Partnership Terms of Reference\n\n3. Priorities\nAs agreed at the Board meeting on 1 July 2022 the priorities are set out below." + Body);

        Assert.Null(board.DocumentDate);
        // "A three year strategy" shares "year" with the question, but says nothing of the document's date.
        var answer = TestBoards.Ask(board, "which year are these tor from?");
        Assert.False(answer.Answered, answer.Answer);
    }

    [Fact]
    public void A_sentence_before_a_lists_lead_in_is_quotable()
    {
        var board = TermsOfReferenceModel.Build("riverside.txt", """
            Riverside Community Safety Partnership Terms of Reference

            1. Meetings
            The partnership will meet every six weeks at the Civic Centre. Its standing items are:
            - apologies
            - declarations of interest
            """);

        var answer = TestBoards.Ask(board, "how often does the partnership meet?");

        Assert.True(answer.Answered, answer.Answer);
        Assert.Contains("every six weeks", answer.Answer, StringComparison.Ordinal);
        // The sentence that answers, not the whole list it introduces.
        Assert.DoesNotContain("declarations of interest", answer.Answer, StringComparison.Ordinal);
    }
}
