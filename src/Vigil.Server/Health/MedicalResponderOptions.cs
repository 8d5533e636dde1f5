namespace Vigil.Server.Health;

/// <summary>Who besides the police is told of a possible overdose (configuration <c>Health:MedicalResponders</c>).</summary>
public sealed class MedicalResponderOptions
{
    public const string Section = "Health";

    /// <summary>Each gets every possible-overdose alert at once, through the durable webhook outbox. None: the police only.</summary>
    public List<MedicalResponder> MedicalResponders { get; set; } = [];
}
