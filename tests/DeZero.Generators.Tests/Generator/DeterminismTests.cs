using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using DeZero.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace DeZero.Generators.Tests.Generator;

/// <summary>The generated text is byte-identical across runs, cultures and declaration orders; cancellation is honoured.</summary>
public sealed class DeterminismTests(ITestOutputHelper output)
{
    // Numbers of every shape the printer meets (negative, fractions, exponents), an int parameter that starts
    // with 'i' (upper-cased under tr-TR it would become 'İ'), loops, branches and calls.
    private const string MethodsA = """
            [Differentiable]
            public static double Alpha(double x, double index) => -0.5 * x + 1e-7 * Math.Pow(x, -2.5) - 1.5e300 * index / 3;

            [Differentiable]
            public static double Bravo(double x, int iterations)
            {
                double s = -0.25;
                for (int i = 0; i < iterations; i++)
                {
                    s = s * x - 0.125;
                }

                return s > 1000.5 ? s : Alpha(s, x) * 0.1;
            }
            """;

    private const string MethodsB = """
            [Differentiable]
            public static double Charlie(double item, double y) => Math.Atan2(item, y) * -3.75 + Math.Clamp(item, -0.5, 0.5);

            [Differentiable]
            public static double Delta(double x) => Bravo(x, 3) + Charlie(x, -x) / 0.3;
            """;

    private static string File(params string[] methods) =>
        "using System;\nusing DeZero;\n\nnamespace Det;\n\npublic static partial class Ops\n{\n" + string.Join("\n", methods) + "\n}\n";

    [Fact]
    public void Generate_TwoFreshRuns_ByteIdentical()
    {
        var first = GeneratorHarness.Run(File(MethodsA, MethodsB));
        var second = GeneratorHarness.Run(File(MethodsA, MethodsB));
        first.AssertCompiles();
        Assert.Equal(4, first.GeneratedSources.Count);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Generate_UnderAnotherCulture_ByteIdenticalToInvariant(string name)
    {
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => GeneratorHarness.Run(File(MethodsA, MethodsB)));
        invariant.AssertCompiles();
        var culture = CultureInfo.GetCultureInfo(name);
        var other = WithCulture(culture, () =>
        {
            if (name == "sv-SE")
            {
                // The culture really is hostile: a Unicode minus sign and a decimal comma.
                Assert.Equal("\u22120,5", (-0.5).ToString(CultureInfo.CurrentCulture));
            }

            if (name == "tr-TR")
            {
                Assert.Equal("İ", "i".ToUpper(CultureInfo.CurrentCulture));
            }

            return GeneratorHarness.Run(File(MethodsA, MethodsB));
        });
        Assert.Equal(invariant.GeneratedSources, other.GeneratedSources);
        Assert.Equal(
            invariant.AllDiagnostics.Select(d => d.ToString()),
            other.AllDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Generate_MethodsInAnotherOrder_SamePerMethodFiles()
    {
        var forward = GeneratorHarness.Run(File(MethodsA, MethodsB));
        var reversed = GeneratorHarness.Run(File(MethodsB, MethodsA));
        forward.AssertCompiles();
        Assert.Equal(Sorted(forward), Sorted(reversed));
    }

    [Fact]
    public void Generate_FilesInAnotherOrder_SamePerMethodFiles()
    {
        var a = File(MethodsA);
        var b = File(MethodsB);
        var forward = GeneratorHarness.Run(a, b);
        var reversed = GeneratorHarness.Run(b, a);
        forward.AssertCompiles();
        Assert.Equal(4, forward.GeneratedSources.Count);
        Assert.Equal(Sorted(forward), Sorted(reversed));
    }

    [Fact]
    public void Run_AlreadyCancelledToken_ThrowsOperationCanceled()
    {
        var compilation = GeneratorHarness.Compile(File(MethodsA, MethodsB));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out _, cancelled.Token));
    }

    [Fact]
    public void Run_CancelledMidway_StopsPromptly()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 1500; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"[Differentiable]\npublic static double M{i}(double x, double y)\n{{\n    double s = x;\n    for (int k = 0; k < 3; k++) s = Math.Sin(s * y) + {i} * x;\n    return s * Math.Exp(-y * y);\n}}\n\n");
        }

        var compilation = GeneratorHarness.Compile(File(body.ToString()));
        GeneratorDriver Fresh() => CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions);
        compilation.GetDiagnostics(); // bind once, so neither run below pays for the compiler's own first pass

        var clock = Stopwatch.StartNew();
        Fresh().RunGenerators(compilation);
        var whole = clock.Elapsed;

        using var source = new CancellationTokenSource();
        var cancelAfter = TimeSpan.FromTicks(whole.Ticks / 5);
        source.CancelAfter(cancelAfter);
        clock.Restart();
        Assert.ThrowsAny<OperationCanceledException>(() => Fresh().RunGenerators(compilation, source.Token));
        var cancelled = clock.Elapsed;

        output.WriteLine($"whole run {whole.TotalSeconds:F2} s; cancelled after {cancelAfter.TotalSeconds:F2} s, threw after {cancelled.TotalSeconds:F2} s");
        Assert.True(cancelled - cancelAfter < TimeSpan.FromTicks(whole.Ticks / 4) + TimeSpan.FromMilliseconds(250),
            $"Cancellation took {(cancelled - cancelAfter).TotalSeconds:F2} s to be honoured (a whole run takes {whole.TotalSeconds:F2} s).");
    }

    private static List<KeyValuePair<string, string>> Sorted(GeneratorResult result) =>
        [.. result.GeneratedSources.OrderBy(s => s.Key, StringComparer.Ordinal)];

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = currentUi;
        }
    }
}
