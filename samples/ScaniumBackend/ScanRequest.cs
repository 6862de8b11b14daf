namespace ScaniumBackend;

/// <summary>The body of <c>POST /api/scans</c>.</summary>
public sealed record ScanRequest(string? Name, string? Barcode);
