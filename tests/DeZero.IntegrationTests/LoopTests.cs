using System;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>Loops with break and continue, trip counts that depend on the data, recursion.</summary>
public sealed class LoopTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public void SumOfPowers_IntTripCount_MatchesClosedForm(int n) =>
        // Σ_{i=1..n} x^i: Σ i·x^(i-1).
        Gradients.Check1(x => Loops.SumOfPowers(x, n), x => Loops.SumOfPowersWithGradient(x, n), v => Loops.SumOfPowers(v, n),
            x =>
            {
                double d = 0;
                for (var i = 1; i <= n; i++) d += i * Math.Pow(x, i - 1);
                return d;
            },
            [-1.5, -0.5, 0.3, 1, 1.7]);

    [Fact]
    public void RepeatedSquaring_LoopOverwritesTheParameter_EighthPower() =>
        // x → x² three times: x⁸, 8x⁷.
        Gradients.Check1(Loops.RepeatedSquaring, Loops.RepeatedSquaringWithGradient, Loops.RepeatedSquaring,
            x => 8 * Math.Pow(x, 7),
            [-1.1, -0.5, 0, 0.7, 1.3]);

    [Fact]
    public void HalveUntilSmall_DataDependentTripCount_OneOverTwoToTheK() =>
        // Halved k times, k = ⌈log₂ x⌉ for x > 1 and 0 otherwise: f = x / 2^k, f' = 2^-k.
        Gradients.Check1(Loops.HalveUntilSmall, Loops.HalveUntilSmallWithGradient, Loops.HalveUntilSmall,
            x => Math.Pow(2, -(x > 1 ? Math.Ceiling(Math.Log2(x)) : 0)),
            [-2, 0.5, 1.5, 3, 5, 100.3]);

    [Fact]
    public void DoWhileBreakContinue_SkipsTwoStopsAtFive_MatchesClosedForm() =>
        // s: 1 (i = 1), skip i = 2, x + 3 (i = 3), x² + 3x + 4 (i = 4), break at i = 5: f' = 2x + 3.
        Gradients.Check1(Loops.DoWhileBreakContinue, Loops.DoWhileBreakContinueWithGradient, Loops.DoWhileBreakContinue,
            x => 2 * x + 3,
            [-2, 0, 0.5, 3]);

    [Fact]
    public void WhileContinue_SkipsTwoAndFour_MatchesClosedForm() =>
        // sin x + sin 3x + sin 5x + sin 6x.
        Gradients.Check1(Loops.WhileContinue, Loops.WhileContinueWithGradient, Loops.WhileContinue,
            x => Math.Cos(x) + 3 * Math.Cos(3 * x) + 5 * Math.Cos(5 * x) + 6 * Math.Cos(6 * x),
            [-1, 0, 0.4, 2]);

    [Fact]
    public void NestedLoops_ParameterMultipliedFourTimes_MatchesClosedForm() =>
        // x·y⁴ + y: (y⁴, 4xy³ + 1).
        Gradients.Check2(Loops.NestedLoops, Loops.NestedLoopsWithGradient, Loops.NestedLoops,
            (x, y) => (Math.Pow(y, 4), 4 * x * Math.Pow(y, 3) + 1),
            [(0, 0), (1, 1), (-0.5, 1.5), (2, -0.7)]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(6)]
    public void TriangularSum_InnerBoundFromOuterCounter_MatchesClosedForm(int n) =>
        // Σ_{i<n} Σ_{j<=i} x·j = x·n(n² - 1)/6.
        Gradients.Check1(x => Loops.TriangularSum(x, n), x => Loops.TriangularSumWithGradient(x, n), v => Loops.TriangularSum(v, n),
            x => n * (n * n - 1) / 6.0,
            [-1, 0.5, 3]);

    [Fact]
    public void EarlyReturnInLoop_ReturnsWhenAboveTen_OnePointFiveToTheK() =>
        // x·1.5^k - 10 with k the first k >= 1 where x·1.5^k > 10: f' = 1.5^k.
        Gradients.Check1(Loops.EarlyReturnInLoop, Loops.EarlyReturnInLoopWithGradient, Loops.EarlyReturnInLoop,
            x => Math.Pow(1.5, Math.Max(1, Math.Floor(Math.Log(10 / x) / Math.Log(1.5)) + 1)),
            [0.3, 1, 4, 20]);

    [Fact]
    public void NewtonSqrt_ThirtyIterations_DerivativeOfSquareRoot() =>
        // The iteration converges to √a, and so does its derivative: 1 / (2√a).
        Gradients.Check1(Loops.NewtonSqrt, Loops.NewtonSqrtWithGradient, Loops.NewtonSqrt,
            a => 1 / (2 * Math.Sqrt(a)),
            [0.5, 2, 9, 30]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void PowRec_Recursion_PowerRule(int n) =>
        // x^n: n·x^(n-1).
        Gradients.Check1(x => Loops.PowRec(x, n), x => Loops.PowRecWithGradient(x, n), v => Loops.PowRec(v, n),
            x => n == 0 ? 0 : n * Math.Pow(x, n - 1),
            [-1.3, 0.5, 2]);

    [Fact]
    public void SinRec_ThreeLevels_ProductOfCosines() =>
        // sin(sin(sin x)): cos(sin(sin x))·cos(sin x)·cos x.
        Gradients.Check1(x => Loops.SinRec(x, 3), x => Loops.SinRecWithGradient(x, 3), v => Loops.SinRec(v, 3),
            x => Math.Cos(Math.Sin(Math.Sin(x))) * Math.Cos(Math.Sin(x)) * Math.Cos(x),
            [-2, 0, 0.7, 1.5]);
}
