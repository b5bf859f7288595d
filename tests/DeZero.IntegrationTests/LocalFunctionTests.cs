using System;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>Static local functions get value-and-gradient functions of their own beside them.</summary>
public sealed class LocalFunctionTests
{
    private static double Sigmoid(double t) => 1 / (1 + Math.Exp(-t));

    private static double Softplus(double t) => Math.Log(1 + Math.Exp(t));

    [Fact]
    public void Softplus_TwoLocalFunctions_MatchesClosedForm() =>
        // sp(x) sp(y) + (x - y)²: (σ(x) sp(y) + 2(x - y), sp(x) σ(y) - 2(x - y)).
        Gradients.Check2(LocalFunctions.Softplus, LocalFunctions.SoftplusWithGradient, LocalFunctions.Softplus,
            (x, y) => (Sigmoid(x) * Softplus(y) + 2 * (x - y), Softplus(x) * Sigmoid(y) - 2 * (x - y)),
            [(0, 0), (1.5, -0.5), (-2, 3)]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void Power_RecursiveLocalFunction_MatchesClosedForm(int n) =>
        // xⁿ + 2n x: n xⁿ⁻¹ + 2n.
        Gradients.Check1(x => LocalFunctions.Power(x, n), x => LocalFunctions.PowerWithGradient(x, n), x => LocalFunctions.Power(x, n),
            x => (n == 0 ? 0 : n * Math.Pow(x, n - 1)) + 2 * n,
            [-1.5, 0.5, 2]);

    [Fact]
    public void Nested_LocalFunctionInALocalFunction_MatchesClosedForm() =>
        // |x| < 1: x sin x.  Else 2x sin 2x + 3x².
        Gradients.Check1(LocalFunctions.Nested, LocalFunctions.NestedWithGradient, LocalFunctions.Nested,
            x => Math.Abs(x) < 1 ? Math.Sin(x) + x * Math.Cos(x) : 2 * Math.Sin(2 * x) + 4 * x * Math.Cos(2 * x) + 6 * x,
            [-2, -0.5, 0.5, 1.5]);

    [Fact]
    public void Shadow_NamesOfTheMethodReusedInside_MatchesClosedForm() =>
        // F(t) = t² + t at t = 2x and t = x: 8x + 2 + 2x + 1.
        Gradients.Check1(LocalFunctions.Shadow, LocalFunctions.ShadowWithGradient, LocalFunctions.Shadow,
            x => 10 * x + 3,
            [-1, 0.25, 2]);

    private static double SigmoidSlope(double t) => Sigmoid(t) * (1 - Sigmoid(t));

    [Theory]
    [InlineData(0.3, -0.7)]
    [InlineData(1.5, 0.5)]
    [InlineData(-2, 1)]
    public void Smooth_WithHessianThroughLocalFunctions_MatchesClosedForm(double x, double y)
    {
        // sp(xy) + x²y: (yσ + 2xy, xσ + x²), then y²σ' + 2y, σ + xyσ' + 2x, x²σ', with σ and σ' at xy.
        var (s, ds) = (Sigmoid(x * y), SigmoidSlope(x * y));
        var h = LocalFunctions.SmoothWithHessian(x, y);
        var at = $"Smooth({x}, {y})";
        Gradients.AssertClose(LocalFunctions.Smooth(x, y), h.Value, Gradients.ClosedFormTolerance, at + " value");
        Gradients.AssertClose((y * s) + (2 * x * y), h.DX, Gradients.ClosedFormTolerance, at + " DX");
        Gradients.AssertClose((x * s) + (x * x), h.DY, Gradients.ClosedFormTolerance, at + " DY");
        Gradients.AssertClose((y * y * ds) + (2 * y), h.DXX, Gradients.ClosedFormTolerance, at + " DXX");
        Gradients.AssertClose(s + (x * y * ds) + (2 * x), h.DXY, Gradients.ClosedFormTolerance, at + " DXY");
        Gradients.AssertClose(x * x * ds, h.DYY, Gradients.ClosedFormTolerance, at + " DYY");
    }

    [Theory]
    [InlineData(0.3, -0.7)]
    [InlineData(1.5, 0.5)]
    public void Softplus_SecondOrderThroughTheGraph_MatchesClosedForm(double x0, double y0)
    {
        // sp(x) sp(y) + (x - y)²: ∂²/∂x² = σ'(x) sp(y) + 2, ∂²/∂x∂y = σ(x) σ(y) - 2.
        var (x, y) = (new Variable(x0), new Variable(y0));
        LocalFunctions.Softplus(x, y).Backward(createGraph: true);
        var gx = x.GradVariable!;
        x.ClearGrad();
        y.ClearGrad();
        gx.Backward();
        Gradients.AssertClose((SigmoidSlope(x0) * Softplus(y0)) + 2, x.Grad!.Item(), Gradients.ClosedFormTolerance, "∂²/∂x²");
        Gradients.AssertClose((Sigmoid(x0) * Sigmoid(y0)) - 2, y.Grad!.Item(), Gradients.ClosedFormTolerance, "∂²/∂x∂y");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Power_RecursiveLocalFunction_SecondDerivativeThroughTheGraph(int n)
    {
        // xⁿ + 2n x: n (n - 1) xⁿ⁻².
        var x = new Variable(1.5);
        LocalFunctions.Power(x, n).Backward(createGraph: true);
        var gx = x.GradVariable!;
        x.ClearGrad();
        gx.Backward();
        Gradients.AssertClose(n * (n - 1) * Math.Pow(1.5, n - 2), x.Grad!.Item(), Gradients.ClosedFormTolerance, $"Power(1.5, {n})''");
    }
}
