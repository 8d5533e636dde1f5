namespace Vigil.Domain.People;

/// <summary>The three groups the 2025 law places under electronic monitoring.</summary>
public enum MonitoringGroup
{
    /// <summary>Voluntary rehabilitation at home or in the community.</summary>
    CommunityRehabilitation,

    /// <summary>Addiction treatment with substitute medication (e.g. methadone).</summary>
    SubstitutionTreatment,

    /// <summary>Post-rehabilitation management.</summary>
    PostRehabilitation,
}
