using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace TelemetryContracts.Generator.Tests;

/// <summary>
/// The pipeline stays cached: typing in C# files must not re-parse contracts or re-emit code (the IDE runs the
/// generator on every keystroke), and an edit to one contract re-emits only that contract.
/// </summary>
public sealed class IncrementalTests
{
    private const string ContractA = "service: alpha\nnamespace: alpha\nmetrics:\n  jobs_total: { type: counter, help: Jobs. }\n";
    private const string ContractB = "service: beta\nnamespace: beta\nlabels:\n  kind: { values: [a, b] }\nmetrics:\n  tasks_total: { type: counter, help: Tasks., labels: [kind] }\n";

    private static readonly string[] TrackedSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void SecondRunOnAClonedCompilation_IsCachedOrUnchangedInEveryStep()
    {
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.Driver([GeneratorHarness.Contract("/a.telemetry.yaml", ContractA), GeneratorHarness.Contract("/b.telemetry.yaml", ContractB)], trackSteps: true);

        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        driver = driver.RunGenerators(compilation.Clone());
        var second = driver.GetRunResult().Results.Single();

        AssertAllStepsCachedOrUnchanged(second);
        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void EditingAnUnrelatedCSharpFile_LeavesEveryTrackedStepCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.Compilation(["/// <summary>A.</summary>\npublic static class A { }"]);
        var driver = GeneratorHarness.Driver([GeneratorHarness.Contract("/a.telemetry.yaml", ContractA), GeneratorHarness.Contract("/b.telemetry.yaml", ContractB)], trackSteps: true);
        driver = driver.RunGenerators(compilation);

        var oldTree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(oldTree, CSharpSyntaxTree.ParseText("/// <summary>A.</summary>\npublic static class A { public static int X => 1; }", GeneratorHarness.ParseOptions, oldTree.FilePath));
        driver = driver.RunGenerators(edited);

        AssertAllStepsCachedOrUnchanged(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void EditingOneContract_ReparsesAndReemitsOnlyThatContract()
    {
        var compilation = GeneratorHarness.Compilation();
        var a = GeneratorHarness.Contract("/a.telemetry.yaml", ContractA);
        var b = GeneratorHarness.Contract("/b.telemetry.yaml", ContractB);
        var driver = GeneratorHarness.Driver([a, b], trackSteps: true).RunGenerators(compilation);

        var editedA = GeneratorHarness.Contract("/a.telemetry.yaml", ContractA.Replace("Jobs.", "Jobs run.", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(a, editedA).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        var parsed = result.TrackedSteps[TrackingNames.ParsedContracts].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, parsed.Count);
        Assert.Single(parsed, o => o.Reason == IncrementalStepRunReason.Modified);
        var emitted = result.TrackedOutputSteps.Values.SelectMany(s => s).SelectMany(s => s.Outputs).Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).ToList();
        var modifiedSpecs = result.TrackedSteps[TrackingNames.EmitInputs].SelectMany(s => s.Outputs).Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        var spec = Assert.Single(modifiedSpecs);
        Assert.Contains("alpha", spec.Value.ToString(), StringComparison.Ordinal);
        Assert.Contains("Jobs run.", result.GeneratedSources.Single(s => s.HintName.StartsWith("AlphaTelemetry", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(emitted);
    }

    [Fact]
    public void PipelineOutputs_HoldNoCompilationSymbolOrSyntax()
    {
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.Driver([GeneratorHarness.Contract("/a.telemetry.yaml", ContractA), GeneratorHarness.Contract("/b.telemetry.yaml", ContractB)], trackSteps: true)
            .RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        foreach (var name in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"Step '{name}' did not run.");
            // Only the file filter may carry the AdditionalText it filtered; everything after it is plain data.
            var forbidden = name == TrackingNames.ContractFiles ? RoslynTypes : RoslynTypes.Append(typeof(AdditionalText)).Append(typeof(SourceText)).ToArray();
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                AssertObjectGraph(output.Value, forbidden, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static readonly Type[] RoslynTypes = [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location)];

    private static void AssertAllStepsCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var name in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), $"Step '{name}' did not run.");
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step '{name}' was {output.Reason}.");
            }
        }

        foreach (var output in result.TrackedOutputSteps.Values.SelectMany(s => s).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"An output step was {output.Reason}.");
        }
    }

    private static void AssertObjectGraph(object? node, Type[] forbidden, string step, HashSet<object> visited)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !visited.Add(node))
        {
            return;
        }

        var type = node.GetType();
        Assert.False(forbidden.Any(f => f.IsAssignableFrom(type)), $"Step '{step}' holds a {type.Name}, which defeats caching.");
        if (node is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertObjectGraph(item, forbidden, step, visited);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertObjectGraph(field.GetValue(node), forbidden, step, visited);
            }
        }
    }
}
