using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TelemetryContracts.Generator;

/// <summary>
/// A diagnostic as plain data (rule, severity, title, message, file path, text and line spans), so it can travel
/// through the cached pipeline: a <see cref="Location"/> or <see cref="Diagnostic"/> holds syntax trees and
/// would defeat caching (roslyn#68291). The <see cref="Location"/> is created only when reporting.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    TelemetryContracts.Diagnostics.Severity Severity,
    string Title,
    string Message,
    string Category,
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    /// <summary>The Roslyn diagnostic, located in the contract file so the IDE underlines the YAML.</summary>
    public Diagnostic ToDiagnostic()
    {
        var location = Location.Create(
            FilePath,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
        return Diagnostic.Create(DiagnosticDescriptors.For(Id, Severity, Title, Category), location, Message);
    }
}
