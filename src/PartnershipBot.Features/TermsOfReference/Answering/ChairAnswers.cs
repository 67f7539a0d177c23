using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// Chair and vice-chair questions. "Who is the chair?" needs a clause that names the holder (a person,
/// a post, or the pool they are drawn from); a clause that only says how the chair is elected does not
/// answer it, and the bot says so, quoting that clause.
/// </summary>
public static class ChairAnswers
{
    /// <summary>Answers a chair or vice-chair question.</summary>
    public static TorAnswer Answer(TermsOfReferenceModel model, QuestionAnalysis question)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(question);
        var topic = question.Topic;
        var evidence = model.Facts[topic].Evidence;
        var stated = model.Facts[topic].Status == FactStatus.Stated ? evidence : [];
        var holders = stated.Where(p => TopicCues.NamesHolder(topic, p.Text)).ToList();
        var candidates = question.ChairAspect switch
        {
            ChairAspect.HowChosen => stated.Where(p => TopicCues.SaysHowChosen(topic, p.Text)).ToList() is { Count: > 0 } chosen ? chosen : holders,
            ChairAspect.Term => [.. stated.Where(p => TopicCues.GivesTerm(p.Text))],
            ChairAspect.Other => [.. stated],
            _ => holders,
        };

        if (candidates.Count == 0)
        {
            return TorAnswerer.NotSettled(model, question, topic, evidence.Count > 0 ? evidence[0] : null);
        }

        var focus = TopicVocabulary.Focus(question, model.Identity.AliasKeys, topic);
        var ranked = TorAnswerer.Rank(model, question, candidates, focus, keep: 2);
        var role = topic == Topic.ViceChair ? "vice-chair" : "chair";
        return AnswerText.Settled(question.Question, model.Identity.Name, $"On the {role} of the {model.Identity.Name}, the Terms of Reference say:", ranked);
    }
}
