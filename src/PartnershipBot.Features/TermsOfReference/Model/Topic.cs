namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>The parts of a ToR the model extracts and members ask about.</summary>
public enum Topic
{
    /// <summary>Not a modelled field: answered from the best-matching clauses.</summary>
    General,
    /// <summary>Why the board exists: purpose, aims, mission.</summary>
    Purpose,
    /// <summary>Who chairs, how the chair is chosen, the term.</summary>
    Chair,
    /// <summary>Who is vice-chair, how chosen.</summary>
    ViceChair,
    /// <summary>How often the board meets, and for how long.</summary>
    Frequency,
    /// <summary>Which months or dates the board meets in.</summary>
    ScheduleMonths,
    /// <summary>How many must be present for a decision.</summary>
    Quorum,
    /// <summary>Who the members are, by organisation and role.</summary>
    Membership,
    /// <summary>Whether and how members may send substitutes.</summary>
    Substitutes,
    /// <summary>Who provides the secretariat or administrative support.</summary>
    Secretariat,
    /// <summary>How far ahead papers and agendas go out.</summary>
    PapersDeadline,
    /// <summary>How soon minutes are circulated.</summary>
    MinutesDeadline,
    /// <summary>Consensus, majority, casting vote.</summary>
    DecisionMaking,
    /// <summary>Declaring conflicts of interest.</summary>
    ConflictsOfInterest,
    /// <summary>Where the money comes from and who allocates it.</summary>
    Funding,
    /// <summary>Who the board is accountable to.</summary>
    Accountability,
    /// <summary>What is reported, to whom, how often.</summary>
    Reporting,
    /// <summary>Whether meetings are open to the public.</summary>
    PublicAccess,
    /// <summary>When the ToR itself was agreed or signed off.</summary>
    Adoption,
    /// <summary>When or how the ToR itself is reviewed.</summary>
    Review,
    /// <summary>The date the ToR document carries (its title's date, version date or adoption date).</summary>
    DocumentDate,
}
