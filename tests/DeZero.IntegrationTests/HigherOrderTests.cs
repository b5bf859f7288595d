using System;
using System.Collections.Generic;
using System.Linq;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>
/// Generated nodes differentiated again: mixed partials through Backward(createGraph: true) against …WithHessian, both
/// against closed forms; straight-line bodies past the second order; bodies with branches, loops and calls to the
/// second and no further; Newton's method on a generated function.
/// </summary>
public sealed class HigherOrderTests
{
    private static readonly (double X, double Y)[] Points = [(0.7, 0.3), (-0.4, 1.1), (1.3, -0.8), (0.2, 0.9)];

    // Closed forms: value, ∂x, ∂y, ∂xx, ∂xy, ∂yy.
    private static double[] Poly(double x, double y)
    {
        var e = Math.Exp(x * y);
        return
        [
            (x * x * x * y) + (2 * x * y * y) - e,
            (3 * x * x * y) + (2 * y * y) - (y * e),
            (x * x * x) + (4 * x * y) - (x * e),
            (6 * x * y) - (y * y * e),
            (3 * x * x) + (4 * y) - e - (x * y * e),
            (4 * x) - (x * x * e),
        ];
    }

    private static double[] Branchy(double x, double y) => x > y
        ? [x * x * y, 2 * x * y, x * x, 2 * y, 2 * x, 0]
        : [Math.Sin(x) * Math.Exp(y), Math.Cos(x) * Math.Exp(y), Math.Sin(x) * Math.Exp(y), -Math.Sin(x) * Math.Exp(y), Math.Cos(x) * Math.Exp(y), Math.Sin(x) * Math.Exp(y)];

    private static double[] Series(double x, int n)
    {
        double s = 0, ds = 0, dds = 0;
        for (var i = 1; i <= n; i++)
        {
            s += Math.Pow(x, i) / i;
            ds += Math.Pow(x, i - 1);
            dds += (i - 1) * Math.Pow(x, i - 2);
        }

        return [s, ds, dds];
    }

    private static double[] Composed(double x, double y)
    {
        // B(x, y) · P(y, x) + S(x): the product rule twice over, P's arguments swapped.
        var b = Branchy(x, y);
        var p = Poly(y, x);
        var (px, py, pxx, pxy, pyy) = (p[2], p[1], p[5], p[4], p[3]);
        var s = Series(x, 3);
        return
        [
            (b[0] * p[0]) + s[0],
            (b[1] * p[0]) + (b[0] * px) + s[1],
            (b[2] * p[0]) + (b[0] * py),
            (b[3] * p[0]) + (2 * b[1] * px) + (b[0] * pxx) + s[2],
            (b[4] * p[0]) + (b[1] * py) + (b[2] * px) + (b[0] * pxy),
            (b[5] * p[0]) + (2 * b[2] * py) + (b[0] * pyy),
        ];
    }

    private static double[] Kinked(double x, double y)
    {
        var (sign, xWins) = (Math.Sign(x), x > y);
        return
        [
            (Math.Abs(x) * y * y) + (Math.Max(x, y) * x),
            (sign * y * y) + (xWins ? 2 * x : y),
            (2 * Math.Abs(x) * y) + (xWins ? 0 : x),
            xWins ? 2 : 0,
            (2 * sign * y) + (xWins ? 0 : 1),
            2 * Math.Abs(x),
        ];
    }

    public static TheoryData<string> TwoParameterMethods() => ["Poly", "Branchy", "Composed", "Kinked"];

    private static (Func<double, double, (double, double, double, double, double, double)> WithHessian,
        Func<double, double, (double, double, double)> WithGradient,
        Func<double, double, double> Method,
        Func<Variable, Variable, Variable> Graph,
        Func<double, double, double[]> Closed) Of(string name) => name switch
    {
        "Poly" => (HigherOrder.PolyWithHessian, HigherOrder.PolyWithGradient, HigherOrder.Poly, HigherOrder.Poly, Poly),
        "Branchy" => (HigherOrder.BranchyWithHessian, HigherOrder.BranchyWithGradient, HigherOrder.Branchy, HigherOrder.Branchy, Branchy),
        "Composed" => (HigherOrder.ComposedWithHessian, HigherOrder.ComposedWithGradient, HigherOrder.Composed, HigherOrder.Composed, Composed),
        _ => (HigherOrder.KinkedWithHessian, HigherOrder.KinkedWithGradient, HigherOrder.Kinked, HigherOrder.Kinked, Kinked),
    };

    [Theory]
    [MemberData(nameof(TwoParameterMethods))]
    public void WithHessian_TwoParameters_ValueAndPartialsBitForBitSecondDerivativesMatchClosedForms(string name)
    {
        var (withHessian, withGradient, method, _, closed) = Of(name);
        foreach (var (x, y) in Points)
        {
            var (value, dx, dy, dxx, dxy, dyy) = withHessian(x, y);
            var (gValue, gx, gy) = withGradient(x, y);
            Assert.Equal(method(x, y), value);
            Assert.Equal(gValue, value);
            Assert.Equal(gx, dx);
            Assert.Equal(gy, dy);
            var expected = closed(x, y);
            double[] actual = [value, dx, dy, dxx, dxy, dyy];
            for (var i = 0; i < 6; i++)
            {
                Close.Relative(expected[i], actual[i], $"{name}({x}, {y})[{i}]");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void SeriesWithHessian_Loop_MatchesClosedForm(int n)
    {
        foreach (var x in new[] { -0.7, 0.4, 1.6 })
        {
            var (value, dx, dxx) = HigherOrder.SeriesWithHessian(x, n);
            var expected = Series(x, n);
            Close.Relative(expected[0], value, "value");
            Close.Relative(expected[1], dx, "d/dx");
            Close.Relative(expected[2], dxx, "d²/dx²");
        }
    }

    [Theory]
    [MemberData(nameof(TwoParameterMethods))]
    public void CreateGraph_OnZeroDimensional_MixedPartialsEqualWithHessian(string name)
    {
        var (withHessian, _, _, graph, _) = Of(name);
        foreach (var (x0, y0) in Points)
        {
            var (_, _, _, dxx, dxy, dyy) = withHessian(x0, y0);
            var (x, y) = (new Variable(x0), new Variable(y0));
            graph(x, y).Backward(createGraph: true);
            var (gx, gy) = (x.GradVariable!, y.GradVariable!);

            x.ClearGrad();
            y.ClearGrad();
            gx.Backward();
            Close.Relative(dxx, x.Grad?.Item() ?? 0, $"{name} ∂²/∂x² at ({x0}, {y0})");
            Close.Relative(dxy, y.Grad?.Item() ?? 0, $"{name} ∂²/∂x∂y at ({x0}, {y0})");

            x.ClearGrad();
            y.ClearGrad();
            gy.Backward();
            Close.Relative(dxy, x.Grad?.Item() ?? 0, $"{name} ∂²/∂y∂x at ({x0}, {y0})");
            Close.Relative(dyy, y.Grad?.Item() ?? 0, $"{name} ∂²/∂y² at ({x0}, {y0})");
        }
    }

    [Theory]
    [MemberData(nameof(TwoParameterMethods))]
    public void CreateGraph_OnArrayAgainstZeroDimensional_SecondDerivativesPerElementAndSummed(string name)
    {
        var (withHessian, _, _, graph, _) = Of(name);
        double[] xs = [0.7, -0.4, 1.3, 0.2, -1.1];
        const double y0 = 0.45;
        var x = new Variable(new NDArray(xs));
        var y = new Variable(y0);
        graph(x, y).Backward(createGraph: true);
        var gx = x.GradVariable!;
        Assert.Equal([5], gx.Shape);
        Assert.Equal(0, y.GradVariable!.Data.Rank);

        x.ClearGrad();
        y.ClearGrad();
        gx.Backward();
        var mixed = 0.0;
        for (var i = 0; i < xs.Length; i++)
        {
            var (_, _, _, dxx, dxy, _) = withHessian(xs[i], y0);
            Close.Relative(dxx, x.Grad?[i] ?? 0, $"{name} ∂²/∂x² at {xs[i]}");
            mixed += dxy;
        }

        Close.Relative(mixed, y.Grad?.Item() ?? 0, $"{name} Σ ∂²/∂x∂y");
    }

    [Fact]
    public void CreateGraph_StraightLine_ThirdAndFourthOrderMatchClosedForms()
    {
        foreach (var (x0, y0) in Points)
        {
            var (x, y) = (new Variable(x0), new Variable(y0));
            HigherOrder.Poly(x, y).Backward(createGraph: true);
            var e = Math.Exp(x0 * y0);
            double[] expected = [(6 * x0 * y0) - (y0 * y0 * e), (6 * y0) - (y0 * y0 * y0 * e), -y0 * y0 * y0 * y0 * e];
            for (var order = 2; order <= 4; order++)
            {
                var g = x.GradVariable!;
                x.ClearGrad();
                y.ClearGrad();
                g.Backward(createGraph: true);
                Close.Relative(expected[order - 2], x.Grad!.Item(), $"∂^{order}/∂x^{order} at ({x0}, {y0})");
            }
        }
    }

    [Fact]
    public void CreateGraph_NoDerivativeIntAndFloorInAStraightLine_ThirdOrderOnArrays()
    {
        // α xⁿ + ⌊α⌋ x ⌊x⌋: ⌊x⌋ is a constant of the graph, so the third derivative is α n (n-1) (n-2) x^(n-3).
        double[] xs = [0.5, 1.5, 2.25];
        var x = new Variable(new NDArray(xs));
        HigherOrder.Scaled(x, 1.5, 4).Backward(createGraph: true);
        for (var order = 2; order <= 3; order++)
        {
            var g = x.GradVariable!;
            x.ClearGrad();
            g.Backward(createGraph: true);
        }

        for (var i = 0; i < xs.Length; i++)
        {
            Close.Relative(1.5 * 4 * 3 * 2 * xs[i], x.Grad![i], $"third derivative at {xs[i]}");
        }
    }

    [Fact]
    public void CreateGraph_LoopOnArray_SecondDerivativeMatchesClosedForm()
    {
        double[] xs = [-0.7, 0.4, 1.6];
        var x = new Variable(new NDArray(xs));
        HigherOrder.Series(x, 5).Backward(createGraph: true);
        var gx = x.GradVariable!;
        x.ClearGrad();
        gx.Backward();
        for (var i = 0; i < xs.Length; i++)
        {
            Close.Relative(Series(xs[i], 5)[2], x.Grad![i], $"at {xs[i]}");
        }
    }

    [Theory]
    [InlineData("Branchy")]
    [InlineData("Composed")]
    public void CreateGraph_BranchesPastTheSecondOrder_ThrowNamingTheMethodAndTheOrder(string name)
    {
        var graph = Of(name).Graph;
        var (x, y) = (new Variable(0.3), new Variable(0.8));
        graph(x, y).Backward(createGraph: true);
        var gx = x.GradVariable!;
        x.ClearGrad();
        gx.Backward(createGraph: true); // the second derivatives, recorded: fine
        var gxx = x.GradVariable!;
        x.ClearGrad();

        var error = Assert.Throws<NotSupportedException>(() => gxx.Backward());
        Assert.Contains($"DeZero.IntegrationTests.Functions.HigherOrder.{name}", error.Message, StringComparison.Ordinal);
        Assert.Contains("third derivatives", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateGraph_SuppliedDerivative_FirstOrderNodeThrowsNamingTheMethodAndTheOrder()
    {
        // The createGraph pass itself reaches the node, which is first order: it throws there, never a derivative missing a term.
        var x = new Variable(0.6);
        var error = Assert.Throws<NotSupportedException>(() => HigherOrder.UsesBell(x).Backward(createGraph: true));
        Assert.Contains("DeZero.IntegrationTests.Functions.HigherOrder.UsesBell", error.Message, StringComparison.Ordinal);
        Assert.Contains("first order", error.Message, StringComparison.Ordinal);
        Assert.Contains("[DerivativeOf]", error.Message, StringComparison.Ordinal);

        // Without createGraph it is the node it always was.
        x.ClearGrad();
        HigherOrder.UsesBell(x).Backward();
        Close.Relative(HigherOrder.UsesBellWithGradient(0.6).DX, x.Grad!.Item(), "first derivative");
    }

    [Theory]
    [InlineData("Wide")]
    [InlineData("CallsWide")]
    public void CreateGraph_MoreThanEightParametersWithoutHessian_FirstOrderNodeThrowsNamingTheMethod(string name)
    {
        var x = new Variable(0.8);
        var y = name == "Wide" ? HigherOrder.Wide(x, x, x, x, x, x, x, x, x) : HigherOrder.CallsWide(x);
        var error = Assert.Throws<NotSupportedException>(() => y.Backward(createGraph: true));
        Assert.Contains($"DeZero.IntegrationTests.Functions.HigherOrder.{name}", error.Message, StringComparison.Ordinal);
        Assert.Contains("first order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateGraph_ArrayMethod_ThrowsNamingTheMethod()
    {
        var x = new Variable(new NDArray([1.0, 2.0, 3.0]));
        var y = Arrays.SumSquares(x);

        var error = Assert.Throws<NotSupportedException>(() => y.Backward(createGraph: true));
        Assert.Contains("DeZero.IntegrationTests.Functions.Arrays.SumSquares", error.Message, StringComparison.Ordinal);

        // Without createGraph it is the first-order node it always was.
        y.Backward();
        Assert.Equal("[2. 4. 6.]", x.Grad!.ToString());
    }

    private static readonly string[] NewtonSteps =
    [
        "variable(2.0)", "variable(1.4545454545454546)", "variable(1.1510467893775467)", "variable(1.0253259289766978)",
        "variable(1.0009084519430513)", "variable(1.0000012353089454)", "variable(1.000000000002289)", "variable(1.0)",
        "variable(1.0)", "variable(1.0)",
    ];

    [Fact]
    public void Newton_GeneratedQuarticByDoubleBackprop_PrintsTheBooksIterates()
    {
        var x = new Variable(2.0);
        var printed = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            printed.Add(x.ToString());
            var y = HigherOrder.Quartic(x);
            x.ClearGrad();
            y.Backward(createGraph: true);
            var gx = x.GradVariable!;
            x.ClearGrad();
            gx.Backward();
            x.Data -= gx.Data / x.Grad!;
        }

        Assert.Equal(NewtonSteps, printed);
    }

    [Fact]
    public void Newton_GeneratedQuarticWithHessian_PrintsTheBooksIterates()
    {
        var x = 2.0;
        var printed = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            printed.Add(new Variable(x).ToString());
            var (_, dx, dxx) = HigherOrder.QuarticWithHessian(x);
            x -= dx / dxx;
        }

        Assert.Equal(NewtonSteps, printed);
    }
}

/// <summary>Closed forms against computed derivatives: 1e-11 relative (absolute near zero).</summary>
internal static class Close
{
    public static void Relative(double expected, double actual, string what)
    {
        var scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= 1e-11 * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
