using System;
using System.Linq;
using DeZero.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DeZero.Generators.Tests.Generator;

/// <summary>
/// Bug 6 of issue 16: a project's <c>LangVersion</c>. Generated code must compile under the user's language version, or
/// the method gets a located DZ0028 naming the version needed; it never fails to compile (CS8370, CS8400).
/// </summary>
/// <remarks>
/// C# 8 is the floor: the generated files open with <c>#nullable enable</c>, and the nodes' kernels take the default
/// members of the runtime's kernel interface (default interface members), both C# 8. Everything else they use is older;
/// <c>init</c> (C# 9) is written only for C# 9 and later, <c>set</c> below.
/// </remarks>
public sealed class LanguageVersionTests
{
    /// <summary>Written in C# 7.3, so it compiles under every version tested: what a method of each kind emits.</summary>
    private const string Scalars = """
        using System;
        using System.Diagnostics;
        using DeZero;

        namespace Samples
        {
            public static partial class Ops
            {
                [Differentiable]
                public static double Scaled(double x, int n) => n * Math.Exp(x / n);

                [Differentiable]
                public static double Damped(double x, [NoDerivative] double k = 0.5) => Math.Exp(-k * x);

                [Differentiable(Vectorize = true)]
                public static double Seed(double x) { double a = x * x; double b = Math.Exp(a); return b * b; }

                [Differentiable]
                public static double Checked(double x)
                {
                    if (x <= 0) throw new ArgumentOutOfRangeException(nameof(x));
                    Debug.Assert(x > 0);
                    Console.WriteLine(x);
                    return Math.Log(x);
                }

                [Differentiable]
                public static double Branches(double x, int n)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++) { if (x > i) s += Scaled(x, i + 1); else s -= x * x; }
                    switch (n) { case 0: return s; case 1: s *= 2; break; default: s += 1; break; }
                    var (a, b) = (Math.Sin(x), Math.Cos(x));
                    return s + a * b;
                }
            }
        }
        """;

    private const string Arrays = """
        using System;
        using DeZero;

        namespace Samples
        {
            public static partial class Ops
            {
                [Differentiable]
                public static double Loss(ReadOnlySpan<double> w, double b, [NoDerivative] ReadOnlySpan<double> xs, int features)
                {
                    double loss = 0;
                    Span<double> t = stackalloc double[features];
                    for (int i = 0; i < features; i++) { t[i] = w[i] * xs[i] + b; loss += Math.Log(1 + Math.Exp(-t[i])); }
                    double[] u = new double[2];
                    u[0] = loss; u[1] = b;
                    return u[0] * u[1] + Sum(u);
                }

                [Differentiable]
                public static double Sum(double[] v) { double s = 0; foreach (var e in v) s += e * e; return s; }
            }
        }
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    [InlineData(LanguageVersion.CSharp11)]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    public void Generate_LanguageVersion8OrLater_EveryMethodGeneratedAndCompiles(LanguageVersion version)
    {
        var result = GeneratorHarness.Run(version, Scalars, Arrays);

        result.AssertInputCompiles();
        result.AssertCompiles();
        result.AssertNoGeneratedWarnings();
        Assert.Empty(result.AllDiagnostics);
        Assert.Equal(7, result.GeneratedSources.Count);
    }

    [Fact]
    public void Generate_CSharp8_IntAndNoDerivativeParametersAreSettableNodeProperties_NodeComputesClosedForm()
    {
        var result = GeneratorHarness.Run(LanguageVersion.CSharp8, Scalars);

        result.AssertCompiles();
        var node = result.GeneratedSources.Single(s => s.Key.Contains("Scaled", StringComparison.Ordinal)).Value;
        Assert.Contains("public int N { get; set; }", node, StringComparison.Ordinal);
        Assert.DoesNotContain("init;", string.Concat(result.GeneratedSources.Select(s => s.Value)), StringComparison.Ordinal);

        // Scaled(x, n) = n·exp(x/n), d/dx = exp(x/n): through …WithGradient and through the graph node.
        using var loaded = Emitter.Load(result.Output, result.Input.SyntaxTrees);
        Assert.Equal([3 * Math.Exp(0.5 / 3), Math.Exp(0.5 / 3)], loaded.InvokeTuple("Samples.Ops", "ScaledWithGradient", 0.5, 3));
        var x = new DeZero.Variable(0.5);
        var y = loaded.Invoke<DeZero.Variable>("Samples.Ops", "Scaled", x, 3);
        y.Backward();
        Assert.Equal(3 * Math.Exp(0.5 / 3), y.Data.Item());
        Assert.Equal(Math.Exp(0.5 / 3), x.Grad!.Item());
        var z = loaded.Invoke<DeZero.Variable>("Samples.Ops", "Damped", new DeZero.Variable(2.0), 0.25);
        Assert.Equal(Math.Exp(-0.5), z.Data.Item());
    }

    [Fact]
    public void Generate_CSharp9_IntParameterIsAnInitProperty()
    {
        var result = GeneratorHarness.Run(LanguageVersion.CSharp9, Scalars);

        result.AssertCompiles();
        var node = result.GeneratedSources.Single(s => s.Key.Contains("Scaled", StringComparison.Ordinal)).Value;
        Assert.Contains("public int N { get; init; }", node, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "7.3")]
    [InlineData(LanguageVersion.CSharp7, "7.0")]
    public void Generate_BelowCSharp8_DZ0028AtEachMethodNamingTheVersions_NothingGeneratedAndProjectCompiles(LanguageVersion version, string shown)
    {
        var result = GeneratorHarness.Run(version, Scalars);

        result.AssertInputCompiles();
        result.AssertCompiles();
        Assert.Empty(result.GeneratedSources);
        var source = result.Input.SyntaxTrees.Single().GetText().ToString();
        var expected = new[] { "Scaled", "Damped", "Seed", "Checked", "Branches" };
        Assert.Equal(expected, result.AllDiagnostics.Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
        Assert.All(result.AllDiagnostics, d =>
        {
            Assert.Equal(DiagnosticIds.LanguageVersionTooOld, d.Id);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Contains($"C# {shown}", d.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("<LangVersion>8.0</LangVersion>", d.GetMessage(), StringComparison.Ordinal);
        });
    }
}
