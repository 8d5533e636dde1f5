using Vigil.Simulator.Empatica;

namespace Vigil.Simulator.Tests.Empatica;

/// <summary>A test on the real Empatica E4 recording: skipped, saying where it was looked for, when it is not on this machine.</summary>
public sealed class E4FactAttribute : FactAttribute
{
    public E4FactAttribute()
    {
        if (E4Recording.FindData() is null)
        {
            Skip = "Empatica E4 recording not found: set VIGIL_E4, or keep shared/data/empatica-e4 beside the repository (../shared/data/empatica-e4). It is never copied into the repository.";
        }
    }
}
