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
}
