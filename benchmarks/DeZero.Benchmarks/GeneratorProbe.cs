using System;
using System.Diagnostics;
using System.Linq;
using DeZero.Generators;
using Microsoft.CodeAnalysis;

namespace DeZero.Benchmarks;

/// <summary>
/// Case 5 as a timed console mode (<c>-- generator</c>): wall times with a stopwatch, what Roslyn's own timing says
/// the generator took, which steps re-ran after the edit, and whether the generated code compiles.
/// </summary>
internal static class GeneratorProbe
{
    public static void Run()
    {
        var trees = GeneratorWorkload.ManyFiles();
        Console.WriteLine($"Case 5, the generator in process: {GeneratorWorkload.Files} files, "
            + $"{GeneratorWorkload.Files * GeneratorWorkload.MethodsPerFile} [Differentiable] methods; "
            + $"one method of {GeneratorWorkload.BigOperations:N0} operations.");

        // Full run: the first one pays for JIT, as a build does; then the median of five warm runs.
        GeneratorDriver driver = null!;
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = null!;
        var full = Times(6, () =>
        {
            compilation = GeneratorWorkload.Compile(trees);
            driver = GeneratorWorkload.Driver(new DifferentiableGenerator()).RunGenerators(compilation);
        });
        var result = driver.GetRunResult();
        Console.WriteLine($"  full run:  first {full[0],8:F1} ms, warm median {Median(full.Skip(1).ToArray()),8:F1} ms"
            + $"  (Roslyn: generator {driver.GetTimingInfo().ElapsedTime.TotalMilliseconds:F1} ms; "
            + $"{result.GeneratedTrees.Length} files, {result.Diagnostics.Length} diagnostics)");

        var floor = Times(6, () => GeneratorWorkload.Driver(new FloorGenerator()).RunGenerators(GeneratorWorkload.Compile(trees)));
        Console.WriteLine($"  floor generator full run: warm median {Median(floor.Skip(1).ToArray()),8:F1} ms");

        // Edits: alternate one constant of one method. Each edit is a new tree, parsed outside the timing, as each
        // keystroke gives the IDE one; the drivers run untracked, as a build and the IDE run them. The median is of the
        // 21 edits after the first five, whose code paths the full run never took and the JIT still compiles.
        var editTimes = TimeEdits(driver, compilation, WarmEdits + 21, out _);
        var floorDriver = GeneratorWorkload.Driver(new FloorGenerator());
        var floorCompilation = GeneratorWorkload.Compile(trees);
        var floorEdits = TimeEdits(floorDriver.RunGenerators(floorCompilation), floorCompilation, WarmEdits + 21, out _);
        Console.WriteLine($"  edit one method: first {editTimes[0],6:F1} ms, median {Median(editTimes[WarmEdits..]),6:F1} ms"
            + $"  (floor generator: median {Median(floorEdits[WarmEdits..]),6:F1} ms)");

        // The same with every step's outputs recorded, which costs the driver a little: what re-ran after the edit.
        var trackedCompilation = GeneratorWorkload.Compile(trees);
        var tracked = GeneratorWorkload.Driver(new DifferentiableGenerator(), track: true).RunGenerators(trackedCompilation);
        var trackedTimes = TimeEdits(tracked, trackedCompilation, WarmEdits + 21, out tracked);
        Console.WriteLine($"  edit one method, steps tracked: median {Median(trackedTimes[WarmEdits..]),6:F1} ms");
        var last = tracked.GetRunResult().Results[0];
        foreach (var (name, steps) in last.TrackedSteps.Where(s => !s.Key.StartsWith("compilation", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"    step {name,-14} {Reasons(steps)}");
        }

        foreach (var (name, steps) in last.TrackedOutputSteps)
        {
            Console.WriteLine($"    output {name,-12} {Reasons(steps)}");
        }

        // The generated code compiles: the workload is real.
        var updated = GeneratorWorkload.Driver(new DifferentiableGenerator())
            .RunGeneratorsAndUpdateCompilation(GeneratorWorkload.Compile(trees), out var output, out _);
        var errors = output.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        Console.WriteLine($"  generated code of the full run compiles with {errors} errors");
        GC.KeepAlive(updated);

        // The 10,000-operation body.
        var big = GeneratorWorkload.BigTree();
        GeneratorDriver bigDriver = null!;
        var bigTimes = Times(4, () => bigDriver = GeneratorWorkload.Driver(new DifferentiableGenerator()).RunGenerators(GeneratorWorkload.Compile(big)));
        var bigResult = bigDriver.GetRunResult();
        var bigText = bigResult.GeneratedTrees.Length == 1 ? bigResult.GeneratedTrees[0].GetText().Length : 0;
        Console.WriteLine($"  10,000-operation body: first {bigTimes[0],8:F1} ms, warm median {Median(bigTimes.Skip(1).ToArray()),8:F1} ms"
            + $"  ({bigResult.GeneratedTrees.Length} file of {bigText:N0} chars, {bigResult.Diagnostics.Length} diagnostics"
            + (bigResult.Diagnostics.Length > 0 ? ": " + bigResult.Diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ")");
    }

    private const int WarmEdits = 5;

    /// <summary>Times <paramref name="count"/> runs of <paramref name="driver"/>, each after a fresh edit of one method.</summary>
    private static double[] TimeEdits(GeneratorDriver driver, Compilation compilation, int count, out GeneratorDriver after)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var edited = GeneratorWorkload.EditedTree(1 + (i & 1));
            compilation = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.ElementAt(GeneratorWorkload.EditedFile), edited);
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        after = driver;
        return times;
    }

    private static string Reasons(System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep> steps) =>
        string.Join(", ", steps
            .SelectMany(s => s.Outputs)
            .GroupBy(o => o.Reason)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count()}"));

    private static double[] Times(int count, Action action)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        return times;
    }

    private static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
