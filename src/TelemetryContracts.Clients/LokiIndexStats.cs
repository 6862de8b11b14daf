namespace TelemetryContracts.Clients;

/// <summary>
/// <c>/loki/api/v1/index/stats</c>. Loki 2.9 counts only flushed chunks here: all zeros while the data still sit in
/// the ingester, so zero does not prove absence.
/// </summary>
/// <param name="Streams">Streams matched.</param>
/// <param name="Chunks">Chunks matched.</param>
/// <param name="Bytes">Bytes in those chunks.</param>
/// <param name="Entries">Entries in those chunks.</param>
public sealed record LokiIndexStats(long Streams, long Chunks, long Bytes, long Entries);
