using System;
using System.Runtime.CompilerServices;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>Switches are the if/else chains and conditionals they stand for: the derivative of the arm taken.</summary>
public sealed class SwitchTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Polynomial_EverySection_MatchesClosedForm(int degree) =>
        // 3·{1, x, x², x^d for x > 0}, or -x for d > 2 and x <= 0.
        Gradients.Check1(x => Switches.Polynomial(x, degree), x => Switches.PolynomialWithGradient(x, degree), x => Switches.Polynomial(x, degree),
            x => degree switch { 0 => 0, 1 => 3, 2 => 6 * x, _ => x > 0 ? 3 * degree * Math.Pow(x, degree - 1) : -1 },
            [-1.5, 0.5, 2]);

    [Fact]
    public void Polynomial_NegativeDegree_EveryPathThrowsTheSameException()
    {
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => Switches.Polynomial(1, -1));
        var generated = Assert.Throws<ArgumentOutOfRangeException>(() => Switches.PolynomialWithGradient(1, -1));
        Assert.Equal(expected.Message, generated.Message);
        Assert.Equal(-1, generated.ActualValue);
    }

    [Theory]
    [InlineData(0.3, 4)]
    [InlineData(0.6, 4)]
    [InlineData(1.7, 3)]
    [InlineData(-0.4, 5)]
    public void Steps_SwitchOnADoubleInALoop_MatchesCentralDifferencesAndTheGraph(double x, int n)
    {
        // The closed form, written as the method runs: s and ds together.
        double s = 0, ds = 0;
        for (var i = 0; i < n; i++)
        {
            var v = x * i;
            if (v < 0.5)
            {
                (s, ds) = (s + x, ds + 1);
                continue;
            }

            (s, ds) = v < 2 ? (s + x * x, ds + 2 * x) : (s + Math.Sin(x), ds + Math.Cos(x));
            (s, ds) = (s * 1.5, ds * 1.5);
        }

        Gradients.Check1(t => Switches.Steps(t, n), t => Switches.StepsWithGradient(t, n), t => Switches.Steps(t, n), _ => ds, [x]);
    }

    [Fact]
    public void Steps_NaN_TheNaNCaseReturns() =>
        Assert.True(double.IsNaN(Switches.StepsWithGradient(double.NaN, 3).Value));

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void Flag_BoolSwitchWithDefaultNotLast_MatchesClosedForm(int n) =>
        Gradients.Check1(x => Switches.Flag(x, n), x => Switches.FlagWithGradient(x, n), x => Switches.Flag(x, n),
            x => n <= 2 && x < 0 ? -1 : n,
            [-2, 0.5, 3]);

    [Fact]
    public void Huber_EveryArm_MatchesClosedForm() =>
        Gradients.Check2(Switches.Huber, Switches.HuberWithGradient, Switches.Huber,
            (r, d) => Math.Abs(r) <= d ? (r, 0) : (d * Math.Sign(r), Math.Abs(r) - d),
            [(0.5, 1), (-0.25, 1), (3, 1), (-2, 0.5)]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Pick_EveryArm_MatchesClosedForm(int k) =>
        Gradients.Check2((x, y) => Switches.Pick(x, y, k), (x, y) => Switches.PickWithGradient(x, y, k), (x, y) => Switches.Pick(x, y, k),
            (x, y) => k switch { 0 => (1, 0), 1 or 2 => (k, 1), _ => (y * Math.Exp(x * y), x * Math.Exp(x * y)) },
            [(0.5, 1.5), (-1, 0.25)]);

    [Fact]
    public void Pick_ThrowingArm_Throws()
    {
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => Switches.PickWithGradient(1, 2, -3)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Switches.Pick(new Variable(1.0), new Variable(2.0), -3));
    }

    [Fact]
    public void NotExhaustive_EveryArm_MatchesClosedForm() =>
        // x > 0: x + √x.  Else: -2x + x².
        Gradients.Check1(Switches.NotExhaustive, Switches.NotExhaustiveWithGradient, Switches.NotExhaustive,
            x => x > 0 ? 1 + 0.5 / Math.Sqrt(x) : -2 + 2 * x,
            [-1.5, -0.25, 0.25, 4]);

    [Fact]
    public void NotExhaustive_NaNMatchesNoArm_ThrowsSwitchExpressionExceptionWithTheValue()
    {
        var expected = Assert.Throws<SwitchExpressionException>(() => Switches.NotExhaustive(double.NaN));
        var generated = Assert.Throws<SwitchExpressionException>(() => Switches.NotExhaustiveWithGradient(double.NaN));
        Assert.Equal(expected.UnmatchedValue, generated.UnmatchedValue);
        Assert.Equal(expected.Message, generated.Message);
    }

    [Fact]
    public void Copies_DeclarationPatterns_MatchesClosedForm() =>
        // x² > 1: (x² + x)·x.  Else x < -0.5: 2x·x.  Else x³.
        Gradients.Check1(Switches.Copies, Switches.CopiesWithGradient, Switches.Copies,
            x => x * x > 1 ? 3 * x * x + 2 * x : x < -0.5 ? 4 * x : 3 * x * x,
            [-2, -0.75, 0.5, 1.5]);
}
