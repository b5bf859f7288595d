using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DeZero.Generators.Tests.Generator;

/// <summary>
/// Issue 16, bug 2: a [Differentiable] method that calls a generated <c>FWithGradient</c> (Newton's method on a function's
/// own derivative). The generator never sees its own output: the body is bound again with those members declared, and
/// the call is differentiated through F's second derivatives. Values are tested in DeZero.IntegrationTests
/// (GradientCallTests); here, which C# is taken, that the output compiles, and every refusal.
/// </summary>
/// <remarks>
/// The test sources call members that exist only once generated, so the input alone never compiles: these tests
/// assert the output compiles instead.
/// </remarks>
public sealed class GradientCallTests
{
    private const string Usings = "using System;\nusing DeZero;\n\n";

    [Fact]
    public void Generate_EveryFormOfTheCall_DifferentiatedWithoutDiagnosticsAndOutputCompiles()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace Samples
            {
                public static partial class Bonds
                {
                    [Differentiable] public static double Price(double y, int n = 5) => 100 * Math.Pow(1 + y, -n);

                    [Differentiable] public static double F(double x, double @event, [NoDerivative] double c = 0.5) => Math.Sin(x) * @event * c;

                    /// <summary>Deconstructed into new locals, in a loop.</summary>
                    [Differentiable] public static double Yield(double price, int n)
                    {
                        double y = 0.05;
                        for (int i = 0; i < 30; i++) { var (p, dp) = PriceWithGradient(y, n); y -= (p - price) / dp; }
                        return y;
                    }

                    /// <summary>Into existing locals, with a discard and typed declarations; a default left out.</summary>
                    [Differentiable] public static double Existing(double y)
                    {
                        double p = 0, dp;
                        (p, dp) = PriceWithGradient(y);
                        (double q, _) = PriceWithGradient(2 * y, n: 3);
                        var (_, slope) = PriceWithGradient(y * y);
                        return p * dp + q + slope;
                    }

                    /// <summary>Elements read inline, by name and by ItemN; a tuple local; a keyword parameter.</summary>
                    [Differentiable] public static double Inline(double x, double y)
                    {
                        var r = FWithGradient(x, y);
                        return r.Value + r.DX * r.Item3 + FWithGradient(y, x).DEvent + (x > 0 ? FWithGradient(x, x, 2).DX : 0);
                    }

                    /// <summary>In a method of arrays, in reverse mode: a tuple local and an element read inline.</summary>
                    [Differentiable] public static double Sum(ReadOnlySpan<double> x)
                    {
                        double s = 0;
                        for (int i = 0; i < x.Length; i++)
                        {
                            var r = FWithGradient(x[i], 2 * x[i]);
                            s += r.DX * r.DEvent + PriceWithGradient(x[i], 3).DY;
                        }

                        return s;
                    }

                    /// <summary>A constant argument: the call as written, nothing to differentiate through it.</summary>
                    [Differentiable] public static double Constant(double x) => x * PriceWithGradient(0.05, 3).DY;
                }

                public static partial class Outer<T>
                {
                    internal partial record struct Curve
                    {
                        [Differentiable] internal static double G(double x) => x * x * x;
                    }
                }

                public static partial class Other
                {
                    /// <summary>Callees in other types, one nested in a generic type and a record struct.</summary>
                    [Differentiable] public static double Qualified(double x) => Bonds.PriceWithGradient(x, 2).DY + Outer<int>.Curve.GWithGradient(x).DX;
                }
            }
            """);

        result.AssertCompiles();
        Assert.Empty(result.AllDiagnostics);
        result.AssertNoGeneratedWarnings();
        Assert.Contains("YieldWithGradient", result.MemberNames("Samples.Bonds"));
        Assert.Contains("ExistingWithGradient", result.MemberNames("Samples.Bonds"));
        Assert.Contains("InlineWithGradient", result.MemberNames("Samples.Bonds"));
        Assert.Contains("ConstantWithGradient", result.MemberNames("Samples.Bonds"));
        Assert.Contains("SumWithGradient", result.MemberNames("Samples.Bonds"));
        Assert.Contains("QualifiedWithGradient", result.MemberNames("Samples.Other"));

        // Through F's second derivatives: its node kernel's Hessian, called once per call.
        var yield = Generated(result, "Yield");
        Assert.Contains("global::Samples.Bonds.PriceFunction.Kernel.Hessian(y, n)", yield);

        // A call whose arguments do not move is kept as written.
        Assert.Contains("global::Samples.Bonds.PriceWithGradient(0.05, 3)", Generated(result, "Constant"));
    }

    /// <summary>The declarations bound against are parsed as the user's code is: from C# 8, the floor, to the newest.</summary>
    [Theory]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8)]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)]
    public void Generate_EveryLanguageVersionFromTheFloor_CallerDifferentiatedAndOutputCompiles(Microsoft.CodeAnalysis.CSharp.LanguageVersion version)
    {
        var result = GeneratorHarness.Run(version, Usings + """
            namespace Samples
            {
                public static partial class Bonds
                {
                    [Differentiable] public static double Price(double y, int n = 5) => 100 * Math.Pow(1 + y, -n);

                    [Differentiable] public static double Yield(double price)
                    {
                        double y = 0.05;
                        for (int i = 0; i < 30; i++) { var (p, dp) = PriceWithGradient(y); y -= (p - price) / dp; }
                        return y;
                    }
                }
            }
            """);

        result.AssertCompiles();
        result.AssertNoGeneratedWarnings();
        Assert.Empty(result.AllDiagnostics);
        Assert.Contains("YieldWithGradient", result.MemberNames("Samples.Bonds"));
    }

    /// <summary>The caller's own second derivatives would take the callee's third: its node is first order, and says why.</summary>
    [Fact]
    public void Generate_Caller_NodeIsFirstOrderAndItsHessianSaysWhy()
    {
        var result = GeneratorHarness.Run(Usings + """
            public static partial class Bonds
            {
                [Differentiable] public static double Price(double y, int n) => 100 * Math.Pow(1 + y, -n);

                [Differentiable] public static double Slope(double y) => PriceWithGradient(y, 3).DY;
            }
            """);

        result.AssertCompiles();
        var slope = Generated(result, "Slope");
        Assert.Contains("public int Order => 1;", slope);
        Assert.Contains("it calls PriceWithGradient, whose derivatives are the second derivatives of Bonds.Price(double, int); its own second derivatives would take the third, which are not written", slope);
    }

    /// <summary>
    /// Found by the typing simulation: a callee whose parameter list is still being typed (<c>Ramp(double</c>) has a
    /// parameter without a name, whose partial could not be named. Nothing is declared for it, and nothing thrown.
    /// </summary>
    [Fact]
    public void Generate_CalleeBeingTyped_NoExceptionAndTheCallerWaits()
    {
        var result = GeneratorHarness.Run(Usings + """
            public static partial class Ops
            {
                [Differentiable] public static double G(double x) => FWithGradient(2 * x).DX;

                [Differentiable] public static double F(double
            }
            """);

        result.AssertNoGeneratorException();
        Assert.DoesNotContain(result.AllDiagnostics, d => d.Id == DiagnosticIds.InternalError);
        Assert.DoesNotContain(result.GeneratedSources, s => s.Key.EndsWith(".G.g.cs", System.StringComparison.Ordinal));
    }

    /// <summary>
    /// A row: the marked-up source and text the first diagnostic's message must contain. <paramref name="CallsItself"/>:
    /// the method refused is the callee, so the member it calls is not generated either (CS0103 where it is called).
    /// </summary>
    public sealed record Case(string Markup, string MessageContains, bool CallsItself = false);

    public static readonly IReadOnlyDictionary<string, Case> Refusals = new Dictionary<string, Case>
    {
        ["OfAMethodOfArrays"] = new("""
            public static partial class Ops
            {
                [Differentiable] public static double Sum(ReadOnlySpan<double> x) => x[0] + x[1];

                [Differentiable] public static double F(double y)
                {
                    Span<double> g = stackalloc double[2];
                    return {|UnsupportedExpression:SumWithGradient(new[] { y, y }, g)|} * g[0];
                }
            }
            """, "it calls the value and gradient of Ops.Sum(ReadOnlySpan<double>), a method of arrays"),
        ["OwnWithGradient"] = new("""
            public static partial class Ops
            {
                [Differentiable] public static double F(double x) => x < 1 ? x * x : {|UnsupportedExpression:FWithGradient(x / 2)|}.DX;
            }
            """, "from inside Ops.F(double) (recursion)", CallsItself: true),
        ["CalleeWithASuppliedDerivative"] = new("""
            public static partial class Ops
            {
                public static double Bell(double x) => Math.Exp(-x * x);

                [DerivativeOf(nameof(Bell))]
                internal static (double Value, double DX) BellWithGradient(double x) => (Bell(x), -2 * x * Bell(x));

                [Differentiable] public static double F(double x) => Bell(x) * x;

                [Differentiable] public static double G(double x) => {|UnsupportedExpression:FWithGradient(x)|}.DX;
            }
            """, "second derivative of Ops.F(double), whose second derivatives are not written (it calls Ops.Bell(double), whose derivative is supplied with [DerivativeOf]"),
        ["CalleeOfNineParameters"] = new("""
            public static partial class Ops
            {
                [Differentiable] public static double F(double a, double b, double c, double d, double e, double f, double g, double h, double i) => a * b * c * d * e * f * g * h * i;

                [Differentiable] public static double G(double x) => {|UnsupportedExpression:FWithGradient(x, x, x, x, x, x, x, x, x)|}.DA;
            }
            """, "mark it [Differentiable(Hessian = true)]"),
        ["WithHessianOfACallee"] = new("""
            public static partial class Ops
            {
                [Differentiable(Hessian = true)] public static double F(double x) => x * x * x;

                [Differentiable] public static double G(double x) => {|UnsupportedExpression:FWithHessian(x)|}.DXX * x;
            }
            """, "whose derivatives would be third derivatives, which are not written; call FWithGradient"),
        ["HessianOfACaller"] = new("""
            public static partial class Ops
            {
                [Differentiable] public static double F(double x) => x * x * x;

                [Differentiable(Hessian = true)] public static double {|NoSecondDerivatives:G|}(double x) => FWithGradient(x).DX;
            }
            """, "its own second derivatives would take the third"),
    };

    public static TheoryData<string> RefusalNames => [.. Refusals.Keys];

    [Theory]
    [MemberData(nameof(RefusalNames))]
    public void Generate_CallThatCannotBeDifferentiated_LocatedErrorSayingWhyAndWhatToWrite(string name)
    {
        var row = Refusals[name];
        var (source, expected) = Markup.Parse(Usings + row.Markup);

        var result = GeneratorHarness.Run(source);

        if (row.CallsItself)
        {
            result.AssertNoGeneratorException();
            Assert.All(result.OutputErrors, e => Assert.Equal("CS0103", e.Id));
        }
        else
        {
            result.AssertCompiles(); // The callee is generated; only the caller is refused.
        }

        Assert.Equal(
            expected.Select(e => (e.Id, e.Span)),
            result.AllDiagnostics.Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(d => d.SourceSpan.Start));
        var message = result.AllDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(row.MessageContains, message);
        Assert.DoesNotContain('\n', message);
    }

    private static string Generated(GeneratorResult result, string method) =>
        result.GeneratedSources.Single(s => s.Key.EndsWith("." + method + ".g.cs", System.StringComparison.Ordinal)).Value;
}
