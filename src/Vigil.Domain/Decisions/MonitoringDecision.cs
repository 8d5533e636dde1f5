using Vigil.Domain.People;
using Vigil.Domain.Time;

namespace Vigil.Domain.Decisions;

/// <summary>
/// A decision to place a person under electronic monitoring: draft → signed → active ⇄ suspended → ended.
/// Only the chief of the commune that holds the person signs; the caller checks who is signing, this class
/// checks everything the decision itself knows.
/// </summary>
public sealed class MonitoringDecision
{
    private MonitoringDecision()
    {
    }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>A human-readable number, e.g. "QĐ-0001/2026".</summary>
    public string Number { get; private set; } = "";

    public Guid PersonId { get; private set; }

    public MonitoringGroup Group { get; private set; }

    public int DurationMonths { get; private set; }

    /// <summary>First day of monitoring, a Vietnam calendar date.</summary>
    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate => StartDate.AddMonths(DurationMonths);

    public Guid ManagingOfficerId { get; private set; }

    /// <summary>The commune whose chief must sign.</summary>
    public string CommuneCode { get; private set; } = "";

    public DecisionStatus Status { get; private set; }

    public bool GuardianRequired { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public Guid? SignedBy { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? Note { get; private set; }

    public List<DecisionAction> Actions { get; private set; } = [];

    public long Version { get; set; }

    public static MonitoringDecision Draft(
        Person person,
        string number,
        int durationMonths,
        DateOnly startDate,
        Guid managingOfficerId,
        Guid createdBy,
        DateTimeOffset now,
        DecisionOptions options,
        string? note = null)
    {
        CheckDuration(durationMonths, options);
        var age = person.AgeOn(startDate);
        if (age < options.MinimumAge)
        {
            throw new DomainException("startDate", "under-minimum-age",
                $"The person is {age} on the start date; monitoring needs age {options.MinimumAge} or over.");
        }

        var minor = age < options.AdultAge;
        if (minor && person.Guardians.Count == 0)
        {
            throw new DomainException("guardians", "guardian-required",
                $"The person is {age} on the start date: a parent or guardian must be registered first.");
        }

        CheckStart(startDate, now);

        return new MonitoringDecision
        {
            Number = number,
            PersonId = person.Id,
            Group = person.Group,
            DurationMonths = durationMonths,
            StartDate = startDate,
            ManagingOfficerId = managingOfficerId,
            CommuneCode = person.CommuneCode,
            Status = DecisionStatus.Draft,
            GuardianRequired = minor,
            CreatedAt = now,
            CreatedBy = createdBy,
            Note = note,
        };
    }

    /// <summary>Changes a draft; a signed decision is a formal record and cannot change.</summary>
    public void Revise(int durationMonths, DateOnly startDate, Guid managingOfficerId, string? note, DecisionOptions options)
    {
        Require(DecisionStatus.Draft, "revise");
        CheckDuration(durationMonths, options);
        CheckStart(startDate, CreatedAt);
        DurationMonths = durationMonths;
        StartDate = startDate;
        ManagingOfficerId = managingOfficerId;
        Note = note;
    }

    /// <param name="otherDecisionInForce">Whether the person already has a signed, active or suspended decision.</param>
    public void Sign(Guid chiefId, DateTimeOffset now, bool otherDecisionInForce)
    {
        Require(DecisionStatus.Draft, "sign");
        if (otherDecisionInForce)
        {
            throw new InvalidTransitionException("personId", "decision-in-force",
                "The person already has a decision in force; end it before signing another.");
        }

        Status = DecisionStatus.Signed;
        SignedAt = now;
        SignedBy = chiefId;
        AddAction(DecisionActionKind.Signature, now, now, chiefId);
    }

    /// <summary>Monitoring starts: from the start date on, once the decision is signed.</summary>
    public void Activate(Guid officerId, DateTimeOffset now)
    {
        Require(DecisionStatus.Signed, "activate");
        if (VietnamTime.LocalDate(now) < StartDate)
        {
            throw new InvalidTransitionException("startDate", "not-started",
                $"Monitoring starts on {StartDate:yyyy-MM-dd}; it cannot be activated before then.");
        }

        Status = DecisionStatus.Active;
        AddAction(DecisionActionKind.Activation, now, now, officerId);
    }

    public void Suspend(Guid chiefId, SuspensionReason reason, DateTimeOffset effectiveAt, DateTimeOffset now, string? note)
    {
        Require(DecisionStatus.Active, "suspend");
        CheckEffective(effectiveAt, now);
        Status = DecisionStatus.Suspended;
        AddAction(DecisionActionKind.Suspension, effectiveAt, now, chiefId, reason, note);
    }

    public void Resume(Guid chiefId, DateTimeOffset effectiveAt, DateTimeOffset now, string? note)
    {
        Require(DecisionStatus.Suspended, "resume");
        CheckEffective(effectiveAt, now);
        Status = DecisionStatus.Active;
        AddAction(DecisionActionKind.Resumption, effectiveAt, now, chiefId, note: note);
    }

    /// <summary>Ends monitoring, at the end of the term or earlier by decision. A draft is simply discarded instead.</summary>
    public void End(Guid chiefId, DateTimeOffset effectiveAt, DateTimeOffset now, string? note)
    {
        if (Status is not (DecisionStatus.Signed or DecisionStatus.Active or DecisionStatus.Suspended))
        {
            throw new InvalidTransitionException("status", "invalid-transition",
                $"A {Status.ToString().ToLowerInvariant()} decision cannot be ended.");
        }

        CheckEffective(effectiveAt, now);
        Status = DecisionStatus.Ended;
        EndedAt = effectiveAt;
        AddAction(DecisionActionKind.Ending, effectiveAt, now, chiefId, note: note);
    }

    /// <summary>Whether monitoring was in force (active, not suspended) at an instant, judged from the actions.</summary>
    public bool InForceAt(DateTimeOffset instant)
    {
        var inForce = false;
        foreach (var action in Actions.OrderBy(a => a.EffectiveAt).ThenBy(a => a.RecordedAt))
        {
            if (action.EffectiveAt > instant)
            {
                break;
            }

            inForce = action.Kind switch
            {
                DecisionActionKind.Activation or DecisionActionKind.Resumption => true,
                DecisionActionKind.Suspension or DecisionActionKind.Ending => false,
                _ => inForce,
            };
        }

        return inForce;
    }

    public bool IsInForce => Status is DecisionStatus.Signed or DecisionStatus.Active or DecisionStatus.Suspended;

    private static void CheckStart(DateOnly startDate, DateTimeOffset now)
    {
        var today = VietnamTime.LocalDate(now);
        if (startDate < today.AddYears(-1))
        {
            throw new DomainException("startDate", "start-too-early", "The start date is more than a year in the past.");
        }

        if (startDate > today.AddYears(1))
        {
            throw new DomainException("startDate", "start-too-late", "The start date is more than a year ahead.");
        }
    }

    private static void CheckDuration(int months, DecisionOptions options)
    {
        if (months <= 0 || months > options.MaximumDurationMonths)
        {
            throw new DomainException("durationMonths", "duration-out-of-range",
                $"The duration must be between 1 and {options.MaximumDurationMonths} months; {months} was given.");
        }

        if (!options.AllowOtherDurations && !options.StandardDurationsMonths.Contains(months))
        {
            throw new DomainException("durationMonths", "duration-not-standard",
                $"The duration must be one of {string.Join(", ", options.StandardDurationsMonths)} months; {months} was given.");
        }
    }

    private void CheckEffective(DateTimeOffset effectiveAt, DateTimeOffset now)
    {
        if (effectiveAt > now + TimeSpan.FromDays(366))
        {
            throw new DomainException("effectiveAt", "too-far-ahead", "The effective date is more than a year ahead.");
        }

        // InForceAt replays the actions by effective time: a step dated before the previous one would be
        // replayed out of order and contradict Status (e.g. resumed, yet judged suspended ever after).
        if (Actions.Count > 0 && effectiveAt < Actions.Max(a => a.EffectiveAt))
        {
            throw new DomainException("effectiveAt", "before-previous-step",
                $"The step cannot take effect before the previous one ({Actions.Max(a => a.EffectiveAt):yyyy-MM-dd HH:mm} UTC).");
        }
    }

    private void Require(DecisionStatus expected, string verb)
    {
        if (Status != expected)
        {
            throw new InvalidTransitionException("status", "invalid-transition",
                $"Only a {expected.ToString().ToLowerInvariant()} decision can {verb}; this one is {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private void AddAction(
        DecisionActionKind kind, DateTimeOffset effectiveAt, DateTimeOffset now, Guid by,
        SuspensionReason? reason = null, string? note = null) =>
        Actions.Add(new DecisionAction
        {
            DecisionId = Id,
            Kind = kind,
            EffectiveAt = effectiveAt,
            RecordedAt = now,
            SignedBy = by,
            SuspensionReason = reason,
            Note = note,
        });
}
