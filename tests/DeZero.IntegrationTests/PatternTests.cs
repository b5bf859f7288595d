using System;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>Patterns are the comparisons they stand for; the derivative is that of the branch taken.</summary>
public sealed class PatternTests
{
    [Fact]
    public void SmoothStep_InsideAndOutside_MatchesClosedForm() =>
        Gradients.Check1(Patterns.SmoothStep, Patterns.SmoothStepWithGradient, Patterns.SmoothStep,
            x => x is > 0 and < 1 ? 6 * x * (1 - x) : 0,
            [-1, 0.25, 0.5, 0.9, 2]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void Cases_EveryArm_MatchesClosedForm(int n) =>
        Gradients.Check1(x => Patterns.Cases(x, n), x => Patterns.CasesWithGradient(x, n), x => Patterns.Cases(x, n),
            x => n is 0 or 1 ? 1 : x is < -10 or > 10 ? 2 : n is < 5 or > 8 ? 2 * x * n : Math.Exp(x) * n,
            [-12, -0.5, 0.75, 11]);

    [Fact]
    public void Cases_NaN_MatchesTheConstantPatternNotEquality()
    {
        Assert.Equal((0.0, 0.0), Patterns.CasesWithGradient(double.NaN, 3));
        Assert.Equal(0.0, Patterns.Cases(double.NaN, 3));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void Subject_WithEffects_ReadOnceInCsharpsOrder(int k) =>
        // y = x²; hit = 1 <= y <= 4, or else k++ == 3 (k then incremented). Value: hit ? y·k : y - k.
        Gradients.Check1(x => Patterns.Subject(x, k), x => Patterns.SubjectWithGradient(x, k), x => Patterns.Subject(x, k),
            x => x * x is >= 1 and <= 4 ? 2 * x * k : 2 * x * (k == 3 ? k + 1 : 1),
            [0.5, 1.5, -1.9, 3]);
}
