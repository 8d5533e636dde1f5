namespace Vigil.Domain.Hotspots;

public enum HotspotCategory
{
    Bar,
    Disco,
    Karaoke,
    Hotel,
    Guesthouse,
    Apartment,
    Homestay,
    Resort,
    Other,
}
