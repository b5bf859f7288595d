using System;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>Arithmetic, locals, assignment forms, int parameters and constants, each against its hand-derived gradient.</summary>
public sealed class BasicsTests
{
    [Fact]
    public void Square_SeveralPoints_GradientIsTwoX() =>
        Gradients.Check1(Basics.Square, Basics.SquareWithGradient, Basics.Square,
            x => 2 * x,
            [-3, -0.5, 0, 0.75, 2]);

    [Fact]
    public void Rosenbrock_SeveralPoints_MatchesClosedForm() =>
        // f = a² + 100 b², a = 1 - x, b = y - x²: ∂x = -2a - 400 x b, ∂y = 200 b.
        Gradients.Check2(Basics.Rosenbrock, Basics.RosenbrockWithGradient, Basics.Rosenbrock,
            (x, y) => (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
            [(0, 2), (1, 1), (-1.2, 1), (0.3, -0.7), (2.5, 4)]);

    [Fact]
    public void ScaledSquares_ThreeShapes_MatchesClosedFormWithTheValueAsWritten()
    {
        // f = (x + y)² + ½ sin²x - 3e^(2y): ∂x = 2(x + y) + sin x cos x, ∂y = 2(x + y) - 6e^(2y).
        (double, double)[] points = [(0, 0), (1, -2), (-0.7, 0.4), (2.5, 1.5)];
        Gradients.Check2(Basics.ScaledSquares, Basics.ScaledSquaresWithGradient, Basics.ScaledSquares,
            (x, y) => (2 * (x + y) + Math.Sin(x) * Math.Cos(x), 2 * (x + y) - 6 * Math.Exp(2 * y)),
            points);

        // Only the derivative is regrouped: the value is computed in the user's order, to the last bit.
        foreach (var (x, y) in points)
        {
            Assert.Equal(Basics.ScaledSquares(x, y), Basics.ScaledSquaresWithGradient(x, y).Value);
        }
    }

    [Fact]
    public void Quotient_SeveralPoints_MatchesClosedForm() =>
        // f = (x + 1) / (y² + 1): ∂x = 1 / (y² + 1), ∂y = -2y (x + 1) / (y² + 1)².
        Gradients.Check2(Basics.Quotient, Basics.QuotientWithGradient, Basics.Quotient,
            (x, y) => (1 / (y * y + 1), -2 * y * (x + 1) / ((y * y + 1) * (y * y + 1))),
            [(0, 0), (1, 2), (-3, 0.5), (2.2, -1.7)]);

    [Fact]
    public void Polynomial_LocalAndClassConstants_MatchesClosedForm() =>
        // f = 3x³ - 0.5x + 7: f' = 9x² - 0.5.
        Gradients.Check1(Basics.Polynomial, Basics.PolynomialWithGradient, Basics.Polynomial,
            x => 9 * x * x - 0.5,
            [-2, -0.1, 0, 1, 3.5]);

    [Fact]
    public void Unary_MinusAndPlus_MatchesClosedForm() =>
        // f = -x·y + x: ∂x = 1 - y, ∂y = -x.
        Gradients.Check2(Basics.Unary, Basics.UnaryWithGradient, Basics.Unary,
            (x, y) => (1 - y, -x),
            [(0, 0), (1.5, -2), (-0.25, 3)]);

    [Fact]
    public void Compound_EveryCompoundAssignment_MatchesClosedForm() =>
        // s = ((x + y)·x - 2y) / 2 = (x² + xy - 2y) / 2: ∂x = (2x + y) / 2, ∂y = (x - 2) / 2.
        Gradients.Check2(Basics.Compound, Basics.CompoundWithGradient, Basics.Compound,
            (x, y) => ((2 * x + y) / 2, (x - 2) / 2),
            [(0, 0), (1, 2), (-1.5, 0.5), (3, -4)]);

    [Fact]
    public void IncrementDecrement_PrefixAndPostfix_MatchesClosedForm() =>
        // a = (x + 1)² - 1 after a++, a *= a, a--, ++a, --a; f = a·x = x³ + 2x²: f' = 3x² + 4x.
        Gradients.Check1(Basics.IncrementDecrement, Basics.IncrementDecrementWithGradient, Basics.IncrementDecrement,
            x => 3 * x * x + 4 * x,
            [-2, -0.5, 0, 1.25, 3]);

    [Fact]
    public void ReassignParameters_ParametersOverwritten_MatchesClosedForm() =>
        // x₁ = xy, y₁ = xy + y, f = x₁y₁ = x²y² + xy²: ∂x = 2xy² + y², ∂y = 2x²y + 2xy.
        Gradients.Check2(Basics.ReassignParameters, Basics.ReassignParametersWithGradient, Basics.ReassignParameters,
            (x, y) => (2 * x * y * y + y * y, 2 * x * x * y + 2 * x * y),
            [(0, 0), (1, 1), (-2, 0.5), (0.3, -1.1)]);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(-2)]
    public void IntParameter_IntLocalFromIt_MatchesClosedForm(int n) =>
        // m = n + 1, r = x·m, f = r² / n = x²(n + 1)² / n: f' = 2x(n + 1)² / n.
        Gradients.Check1(x => Basics.IntParameter(x, n), x => Basics.IntParameterWithGradient(x, n), v => Basics.IntParameter(v, n),
            x => 2 * x * (n + 1) * (n + 1) / n,
            [-1.5, 0, 0.7, 2]);

    [Fact]
    public void IntegerDivision_IntOperandsDivideAsInts_GradientIsOneHalf() =>
        // 1 / 2 and two / 4 are integer divisions (0): f = 2x / 4 = x / 2, f' = 1/2.
        Gradients.Check1(Basics.IntegerDivision, Basics.IntegerDivisionWithGradient, Basics.IntegerDivision,
            x => 0.5,
            [-3, 0, 1, 4.5]);

    [Theory]
    [InlineData(3)]
    [InlineData(-5)]
    public void ImplicitConversions_IntTimesDouble_MatchesClosedForm(int k) =>
        // f = kx + k / 2 (integer division) + x / k: f' = k + 1/k.
        Gradients.Check1(x => Basics.ImplicitConversions(x, k), x => Basics.ImplicitConversionsWithGradient(x, k), v => Basics.ImplicitConversions(v, k),
            x => k + 1.0 / k,
            [-1, 0, 2.5]);

    [Fact]
    public void Constants_MathAndDoubleConstants_MatchesClosedForm() =>
        // f = πx + e·x² - τ + π + e·x: f' = π + 2e·x + e.
        Gradients.Check1(Basics.Constants, Basics.ConstantsWithGradient, Basics.Constants,
            x => System.Math.PI + 2 * System.Math.E * x + System.Math.E,
            [-1, 0, 0.5, 2]);

    [Fact]
    public void WithDefault_DefaultsOmitted_WithGradientAndGraphUseThem()
    {
        // f = 2.5 x³ - 0.5 x: f' = 7.5 x² - 0.5.  Defaults apply as in F(x).
        Gradients.Check1(x => Basics.WithDefault(x), x => { var (v, dx, _, _) = Basics.WithDefaultWithGradient(x); return (v, dx); },
            x => Basics.WithDefault(x, new Variable(2.5), 3, new Variable(-0.5)),
            x => 7.5 * x * x - 0.5,
            [-1.5, 0.5, 2]);
        var (value, dX, dScale, dShift) = Basics.WithDefaultWithGradient(1.5);
        Assert.Equal(Basics.WithDefault(1.5), value);
        Gradients.AssertClose(7.5 * 1.5 * 1.5 - 0.5, dX, Gradients.ClosedFormTolerance, "d/dx");
        Gradients.AssertClose(1.5 * 1.5 * 1.5, dScale, Gradients.ClosedFormTolerance, "d/dscale");
        Gradients.AssertClose(1.5, dShift, Gradients.ClosedFormTolerance, "d/dshift");
    }

    [Fact]
    public void WithDefault_SomeDefaultsGiven_WithGradientTakesThem()
    {
        // power = 2: f = s x² + c x, ∂x = 2 s x + c, ∂s = x², ∂c = x.
        var (value, dX, dScale, dShift) = Basics.WithDefaultWithGradient(1.5, 4, 2);
        Assert.Equal(Basics.WithDefault(1.5, 4, 2), value);
        Gradients.AssertClose(2 * 4 * 1.5 - 0.5, dX, Gradients.ClosedFormTolerance, "d/dx");
        Gradients.AssertClose(1.5 * 1.5, dScale, Gradients.ClosedFormTolerance, "d/dscale");
        Gradients.AssertClose(1.5, dShift, Gradients.ClosedFormTolerance, "d/dshift");
    }

    [Fact]
    public void PowerWithDefault_IntDefaultAfterTheLastDouble_EveryGeneratedMemberKeepsIt() =>
        Gradients.Check1(x => Basics.PowerWithDefault(x), x => Basics.PowerWithDefaultWithGradient(x), x => Basics.PowerWithDefault(x),
            x => 3 * x * x,
            [-1.5, 0.5, 2]);

    [Fact]
    public void WithDataScale_NoDerivativeDoubleWithADefault_IsADoubleInTheGraphOverloadToo()
    {
        // s x²: 2 s x, with s = 2.5 by default.
        Gradients.Check1(x => Basics.WithDataScale(x), x => Basics.WithDataScaleWithGradient(x), x => Basics.WithDataScale(x),
            x => 5 * x,
            [-1.5, 0.5, 2]);
        Gradients.Check1(x => Basics.WithDataScale(x, 0.5), x => Basics.WithDataScaleWithGradient(x, 0.5), x => Basics.WithDataScale(x, 0.5),
            x => x,
            [-1.5, 0.5, 2]);
    }
}
