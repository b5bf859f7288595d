using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using DeZero.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace DeZero.Generators.Tests.Generator;

/// <summary>
/// Code as it looks while being typed: every test source of the repository cut at each token boundary
/// (unbalanced braces, half-written expressions, missing semicolons) and run through the generator the
/// way the IDE runs it on every keystroke, with one driver that keeps its cache from prefix to prefix.
/// </summary>
/// <remarks>
/// Nothing may throw (no CS8785, no DZ9999, no AD0001 from the analyzer), and wherever the prefix
/// compiles on its own the output compilation must compile too. Sources up to
/// <see cref="EveryPrefixUpTo"/> tokens are cut at every token; longer ones at
/// <see cref="SpacedPrefixes"/> evenly spaced tokens.
/// </remarks>
public sealed class TypingSimulationTests(ITestOutputHelper output)
{
    private const int EveryPrefixUpTo = 2000;
    private const int SpacedPrefixes = 200;

    /// <summary>The analyzer re-binds the whole compilation, so it runs on every prefix that parses and on every Nth of the others.</summary>
    private const int AnalyzerEvery = 32;

    /// <summary>A source to type: one file typed from its first token, beside other files that are already complete.</summary>
    private sealed record TypedSource(string Name, string Path, string Text, IReadOnlyList<(string Path, string Text)> Others);

    [Fact]
    public void Generator_EveryPrefixOfEveryTestSource_NeverThrowsAndCompilesWheneverTheUserCodeDoes()
    {
        var sources = Sources().ToArray();
        Assert.True(sources.Length > 50, $"Only {sources.Length} sources were found to type.");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failures = new ConcurrentQueue<string>();
        var prefixes = 0;
        var compilingPrefixes = 0;
        var analyzed = 0;
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        // Longest first so the two cores finish together.
        Parallel.ForEach(
            sources.OrderByDescending(s => s.Text.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            source =>
            {
                var (p, c, a) = Type(source, failures, seen);
                Interlocked.Add(ref prefixes, p);
                Interlocked.Add(ref compilingPrefixes, c);
                Interlocked.Add(ref analyzed, a);
            });

        output.WriteLine($"thread time: generator {Seconds(generatorTicks):F1} s, analyzer {Seconds(analyzerTicks):F1} s; process CPU {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s");
        output.WriteLine($"{sources.Length} sources, {prefixes} prefixes ({compilingPrefixes} compiling on their own, {analyzed} also analyzed) in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(compilingPrefixes > sources.Length, $"Too few prefixes compiled on their own ({compilingPrefixes}) for the compile check to mean anything.");
        Assert.True(failures.IsEmpty, $"{failures.Count} failing prefix(es), first ones:\n\n" + string.Join("\n\n", failures.Take(10)));
    }

    /// <summary>
    /// System.Runtime, System.Runtime.Intrinsics (which vectorised nodes use) and the DeZero runtime, not all of
    /// net10.0: each prefix is a new compilation that merges the global namespace of its references again, and
    /// the test sources and their generated code need nothing else. A real project references them all.
    /// </summary>
    private static readonly MetadataReference[] References =
    [
        Basic.Reference.Assemblies.Net100.References.SystemRuntime,
        Basic.Reference.Assemblies.Net100.References.SystemRuntimeIntrinsics,
        MetadataReference.CreateFromFile(GeneratorHarness.RuntimeAssembly.Location),
        MetadataReference.CreateFromFile(GeneratorHarness.TensorsAssembly.Location),
    ];

    private static (int Prefixes, int Compiling, int Analyzed) Type(TypedSource source, ConcurrentQueue<string> failures, ConcurrentDictionary<string, bool> seen)
    {
        var others = source.Others.Select(o => CSharpSyntaxTree.ParseText(o.Text, GeneratorHarness.ParseOptions, o.Path)).ToArray();
        var full = CSharpSyntaxTree.ParseText(source.Text, GeneratorHarness.ParseOptions, source.Path);
        var ends = full.GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).Select(t => t.Span.End).Distinct().ToArray();
        if (ends.Length > EveryPrefixUpTo)
        {
            ends = [.. Enumerable.Range(1, SpacedPrefixes).Select(i => ends[(int)((long)i * ends.Length / SpacedPrefixes) - 1]).Distinct()];
        }

        var tree = CSharpSyntaxTree.ParseText("", GeneratorHarness.ParseOptions, source.Path);
        var compilation = CSharpCompilation.Create("Typing" + Guid.NewGuid().ToString("N"), [.. others, tree], References, GeneratorHarness.CompilationOptions);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions);

        var compiling = 0;
        var analyzedCount = 0;
        var typed = 0;
        for (var p = 0; p < ends.Length; p++)
        {
            var prefix = source.Text[..ends[p]];
            // Many rows begin with the same lines: a prefix of a lone file already typed elsewhere is skipped.
            if (source.Others.Count == 0 && !seen.TryAdd(prefix, true))
            {
                continue;
            }

            typed++;
            var newTree = CSharpSyntaxTree.ParseText(prefix, GeneratorHarness.ParseOptions, source.Path);
            compilation = compilation.ReplaceSyntaxTree(tree, newTree);
            tree = newTree;

            string? failure = null;
            try
            {
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var outputCompilation, out var driverDiagnostics);
                var run = driver.GetRunResult().Results.Single();
                Interlocked.Add(ref generatorTicks, System.Diagnostics.Stopwatch.GetTimestamp() - t0);
                var parses = !newTree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
                if (run.Exception is not null)
                {
                    failure = $"the generator threw {run.Exception}";
                }
                else if (driverDiagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785" || d.Id == DiagnosticIds.InternalError) is { } crash)
                {
                    failure = $"{crash}";
                }
                else if (parses && !compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    compiling++;
                    var errors = outputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
                    if (errors.Length > 0)
                    {
                        failure = "the user code compiles but the output does not:\n" + string.Join("\n", errors.Take(5))
                            + "\n" + string.Join("\n", run.GeneratedSources.Select(s => $"// ---- {s.HintName}\n{s.SourceText}")).Truncate(6000);
                    }
                }

                if (failure is null && (parses || p % AnalyzerEvery == 0 || p == ends.Length - 1))
                {
                    analyzedCount++;
                    var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                    var analyzerDiagnostics = outputCompilation
                        .WithAnalyzers([new DifferentiableAnalyzer()], new CompilationWithAnalyzersOptions(
                            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                        .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                    Interlocked.Add(ref analyzerTicks, System.Diagnostics.Stopwatch.GetTimestamp() - t1);
                    if (analyzerDiagnostics.FirstOrDefault(d => d.Id is "AD0001" || d.Id == DiagnosticIds.InternalError) is { } crash)
                    {
                        failure = $"the analyzer failed: {crash}";
                    }
                }
            }
            catch (Exception exception)
            {
                failure = $"running the driver threw {exception}";
            }

            if (failure is not null)
            {
                failures.Enqueue($"{source.Name}, prefix of {ends[p]} characters ending «{Tail(prefix)}»: {failure}");
                if (failures.Count > 50)
                {
                    break;
                }
            }
        }

        return (typed, compiling, analyzedCount);
    }

    private static long generatorTicks;
    private static long analyzerTicks;

    private static double Seconds(long ticks) => ticks / (double)System.Diagnostics.Stopwatch.Frequency;

    private static string Tail(string prefix) =>
        (prefix.Length > 80 ? "…" + prefix[^80..] : prefix).Replace("\n", "⏎", StringComparison.Ordinal);

    /// <summary>The C# the repository's tests and samples feed the generator.</summary>
    private static IEnumerable<TypedSource> Sources()
    {
        const string Usings = "using DeZero;\n\n";
        foreach (var (name, row) in DiagnosticsTests.Cases)
        {
            yield return new($"DiagnosticsTests.{name}", "Source0.cs", Usings + Markup.Parse(row.Markup).Source, []);
        }

        foreach (var (name, text) in SnapshotTests.Cases)
        {
            yield return new($"SnapshotTests.{name}", "Source0.cs", text, []);
        }

        // The caching tests keep their files in private constants; typed one at a time beside the others.
        var caching = typeof(CachingTests).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.StartsWith("File", StringComparison.Ordinal))
            .Select(f => (Path: f.Name + ".cs", Text: (string)f.GetRawConstantValue()!))
            .ToArray();
        foreach (var file in caching)
        {
            yield return new($"CachingTests.{file.Path}", file.Path, file.Text, [.. caching.Where(f => f != file)]);
        }

        var root = RepositoryRoot();
        var functions = Directory.GetFiles(Path.Combine(root, "tests", "DeZero.IntegrationTests", "Functions"), "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(p => (Path: Path.GetFileName(p), Text: File.ReadAllText(p)))
            .ToArray();
        // A file that calls generated members (GradientCalls.cs: PriceWithGradient inside Yield) compiles only once they are
        // generated: beside the others it would keep every prefix of theirs from compiling on its own, and unchecked.
        var compileAlone = functions.Where(f => f.Path != "GradientCalls.cs").ToArray();
        foreach (var file in functions)
        {
            yield return new($"IntegrationTests/Functions/{file.Path}", file.Path, file.Text, [.. compileAlone.Where(f => f != file)]);
        }

        var calculus = Path.Combine(root, "samples", "DeZero.Samples", "Calculus.cs");
        yield return new("samples/DeZero.Samples/Calculus.cs", "Calculus.cs", File.ReadAllText(calculus), []);
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}

internal static class StringTruncation
{
    public static string Truncate(this string text, int max) => text.Length <= max ? text : text[..max] + "\n…";
}
