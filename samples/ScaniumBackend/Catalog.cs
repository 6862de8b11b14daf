namespace ScaniumBackend;

/// <summary>A fixed item list, enough for the API to answer like the real backend.</summary>
public static class Catalog
{
    /// <summary>The items served by <c>/api/items</c>.</summary>
    public static IReadOnlyList<Item> Items { get; } =
    [
        new(1, "USB-C charger", "electronics"),
        new(2, "The Pragmatic Programmer", "books"),
        new(3, "Rain jacket", "clothing"),
        new(4, "Desk lamp", "other"),
    ];
}

/// <summary>One catalogue item.</summary>
public sealed record Item(int Id, string Name, string Category);
