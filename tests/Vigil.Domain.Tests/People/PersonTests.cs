using System.Globalization;
using Vigil.Domain.People;

namespace Vigil.Domain.Tests.People;

public class PersonTests
{
    [Theory]
    [InlineData("2008-05-20", "2026-05-19", 17)]
    [InlineData("2008-05-20", "2026-05-20", 18)]
    [InlineData("2008-05-20", "2026-05-21", 18)]
    [InlineData("2008-05-20", "2008-05-20", 0)]
    [InlineData("2008-12-31", "2026-01-01", 17)]
    [InlineData("2014-01-02", "2026-01-01", 11)]
    [InlineData("2014-01-02", "2026-01-02", 12)]
    public void AgeOn_AroundBirthday_WholeYears(string born, string on, int expected)
    {
        Assert.Equal(expected, PersonBorn(born).AgeOn(Date(on)));
    }

    // Born on 29 February: in a common year the birthday is taken to fall on 28 February (DateOnly.AddYears clamps).
    [Theory]
    [InlineData("2026-02-27", 17)]
    [InlineData("2026-02-28", 18)]
    [InlineData("2026-03-01", 18)]
    [InlineData("2028-02-28", 19)]
    [InlineData("2028-02-29", 20)]
    public void AgeOn_BornOnTwentyNinthFebruary_BirthdayOnLastDayOfFebruary(string on, int expected)
    {
        Assert.Equal(expected, PersonBorn("2008-02-29").AgeOn(Date(on)));
    }

    [Fact]
    public void TransferTo_OtherCommune_MovesCaseAndOfficer()
    {
        var person = PersonBorn("1990-01-01");
        var officer = new Guid("00000000-0000-0000-0000-0000000000f2");

        person.TransferTo("79", "26734", officer);

        Assert.Equal(("79", "26734", officer), (person.ProvinceCode, person.CommuneCode, person.ManagingOfficerId));
    }

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Person PersonBorn(string dateOfBirth) => new()
    {
        FullName = "Lê Thị Dung",
        NationalId = "001308000002",
        DateOfBirth = Date(dateOfBirth),
        ResidenceAddress = "3 Hàng Buồm, Hoàn Kiếm, Hà Nội",
        ProvinceCode = "01",
        CommuneCode = "00004",
    };
}
