namespace Vigil.Domain.People;

public enum Sex
{
    Male,
    Female,
}
