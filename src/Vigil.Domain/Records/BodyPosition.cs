namespace Vigil.Domain.Records;

public enum BodyPosition
{
    LeftWrist,
    RightWrist,
    LeftAnkle,
    RightAnkle,
}
