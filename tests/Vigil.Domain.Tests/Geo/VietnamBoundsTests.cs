using Vigil.Domain.Geo;

namespace Vigil.Domain.Tests.Geo;

public class VietnamBoundsTests
{
    [Theory]
    [InlineData(21.0288, 105.8525, true)] // Hà Nội
    [InlineData(10.7725, 106.6980, true)] // Thành phố Hồ Chí Minh
    [InlineData(23.36, 105.32, true)] // Lũng Cú, the northern tip
    [InlineData(8.6, 104.72, true)] // Cà Mau cape
    [InlineData(16.5, 112.0, true)] // Hoàng Sa
    [InlineData(48.8566, 2.3522, false)] // Paris
    [InlineData(13.7563, 100.5018, false)] // Bangkok
    [InlineData(105.8525, 21.0288, false)] // Hà Nội with latitude and longitude swapped
    public void Contains_Place_InsideTheBox(double lat, double lon, bool expected)
    {
        Assert.Equal(expected, VietnamBounds.Contains(lat, lon));
    }
}
