using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>DESIGN.md's conventions where the derivative does not exist, through both paths.</summary>
public sealed class KinkTests
{
    [Fact]
    public void Abs_AtZero_DerivativeIsZero() =>
        Gradients.AtKink1(MathMembers.AbsWithGradient, MathMembers.Abs, 0, 0);

    [Theory]
    [InlineData(-2)]
    [InlineData(-0.5)]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(2.5)]
    public void RoundingAndSign_AtJumpsAndBetween_DerivativeIsZero(double x) =>
        Gradients.AtKink1(Kinks.StepsWithGradient, Kinks.Steps, x, 0);

    [Theory]
    [InlineData(2.0)]
    [InlineData(-1.0)]
    [InlineData(0.5)]
    public void RoundingTimesX_AtIntegersAndHalves_ProductRuleWithZeroDerivative(double x)
    {
        // d/dx [g(x)·x] = g(x) when g' = 0.
        Gradients.AtKink1(MathMembers.FloorWithGradient, MathMembers.Floor, x, System.Math.Floor(x));
        Gradients.AtKink1(MathMembers.CeilingWithGradient, MathMembers.Ceiling, x, System.Math.Ceiling(x));
        Gradients.AtKink1(MathMembers.RoundWithGradient, MathMembers.Round, x, System.Math.Round(x));
        Gradients.AtKink1(MathMembers.TruncateWithGradient, MathMembers.Truncate, x, System.Math.Truncate(x));
    }

    [Fact]
    public void Sign_AtZero_ProductRuleGivesSignOfZero() =>
        // d/dx [Sign(x)·x] = Sign(x) + 0 = 0 at 0.
        Gradients.AtKink1(MathMembers.SignWithGradient, MathMembers.Sign, 0, 0);

    [Theory]
    [InlineData(1.5)]
    [InlineData(0)]
    [InlineData(-3)]
    public void MaxAndMin_Tie_SplitHalfAndHalf(double v)
    {
        Gradients.AtKink2(MathMembers.MaxWithGradient, MathMembers.Max, v, v, (0.5, 0.5));
        Gradients.AtKink2(MathMembers.MinWithGradient, MathMembers.Min, v, v, (0.5, 0.5));
    }

    [Theory]
    [InlineData(-1.0, -1.0, 1.0)]
    [InlineData(1.0, -1.0, 1.0)]
    [InlineData(0.0, 0.0, 0.0)]
    public void Clamp_AtABound_GradientPassesToX(double x, double lo, double hi)
    {
        var (_, dx, dlo, dhi) = MathMembers.ClampWithGradient(x, lo, hi);
        Assert.Equal((1.0, 0.0, 0.0), (dx, dlo, dhi));
        var (vx, vlo, vhi) = (new Variable(x), new Variable(lo), new Variable(hi));
        MathMembers.Clamp(vx, vlo, vhi).Backward();
        Assert.Equal((1.0, 0.0, 0.0), (vx.Grad!.Item(), vlo.Grad!.Item(), vhi.Grad!.Item()));
    }

    [Fact]
    public void Atan2_AtOrigin_ZeroPartials() =>
        Gradients.AtKink2(MathMembers.Atan2WithGradient, MathMembers.Atan2, 0, 0, (0, 0));

    [Theory]
    [InlineData(2.0, 0.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(3.0, 0.0)]
    [InlineData(0.5, 0.0)]
    public void Pow_BaseZero_ExponentPartialIsZero(double p, double expectedDx) =>
        // d/dx = p·0^(p-1) (0 for p > 1, 1 for p = 1); d/dp = 0 at x = 0, never NaN from Log(0).
        Gradients.AtKink2(MathMembers.PowWithGradient, MathMembers.Pow, 0, p, (expectedDx, 0));

    [Theory]
    [InlineData(-2.0, 12.0)]
    [InlineData(-0.5, 0.75)]
    [InlineData(0.0, 0.0)]
    public void Pow_NegativeBaseWholeExponent_PowerRuleWithoutNaN(double x, double expected) =>
        // Pow(x, 3): 3x², for negative x too.
        Gradients.AtKink1(Kinks.PowConstantWithGradient, Kinks.PowConstant, x, expected);

    [Fact]
    public void Sqrt_AtZero_DerivativeIsPositiveInfinity() =>
        Gradients.AtKink1(MathMembers.SqrtWithGradient, MathMembers.Sqrt, 0, double.PositiveInfinity);

    [Fact]
    public void Relu_AtZero_BranchTakenIsTheConstant() =>
        // x > 0 is false at 0, so the branch taken is 0: derivative 0.
        Gradients.AtKink1(Branches.ReluWithGradient, Branches.Relu, 0, 0);

    [Fact]
    public void Log_OutsideDomain_NaNPropagates()
    {
        var (value, dx) = MathMembers.LogWithGradient(-1);
        Assert.True(double.IsNaN(value));
        Assert.Equal(-1.0, dx); // 1/x is defined at -1: IEEE arithmetic speaks, nothing is swallowed.
    }

    [Fact]
    public void HypotAndAtan2Pi_AtOrigin_BothPartialsZero()
    {
        Gradients.AtKink2(MathMembers.HypotWithGradient, MathMembers.Hypot, 0, 0, (0, 0));
        Gradients.AtKink2(MathMembers.Atan2PiWithGradient, MathMembers.Atan2Pi, 0, 0, (0, 0));
    }

    [Theory]
    [InlineData(2.0, -2.0)]
    [InlineData(-1.5, 1.5)]
    [InlineData(0.5, 0.5)]
    public void MaxMagnitudeAndMinMagnitude_TieInMagnitude_SplitHalfAndHalf(double x, double y)
    {
        Gradients.AtKink2(MathMembers.MaxMagnitudeWithGradient, MathMembers.MaxMagnitude, x, y, (0.5, 0.5));
        Gradients.AtKink2(MathMembers.MinMagnitudeWithGradient, MathMembers.MinMagnitude, x, y, (0.5, 0.5));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.0, -1.0)]
    public void CopySign_AtZero_DerivativeIsZero(double x, double s) =>
        // CopySign(x, s)·x: 2|x|·sign(s) = 0 at x = 0; d/ds = 0.
        Gradients.AtKink2(MathMembers.CopySignWithGradient, MathMembers.CopySign, x, s, (0, 0));

    [Theory]
    [InlineData(1.0, 2.0, -0.0)]   // 1/2 rounds to 0 (to even): the remainder is x itself
    [InlineData(3.0, 2.0, -2.0)]   // 3/2 rounds to 2
    [InlineData(-5.0, 2.0, 2.0)]   // -5/2 rounds to -2
    public void IEEERemainder_AtJumps_QuotientTakenByTheFunction(double x, double y, double dy)
    {
        Gradients.AtKink2(MathMembers.IEEERemainderWithGradient, MathMembers.IEEERemainder, x, y, (1, dy));
        Gradients.AtKink2(MathMembers.Ieee754RemainderWithGradient, MathMembers.Ieee754Remainder, x, y, (1, dy));
    }

    [Fact]
    public void RootN_AtZero_DerivativeIsPositiveInfinityAsSqrts() =>
        Gradients.AtKink1(x => MathMembers.RootNWithGradient(x, 3), x => MathMembers.RootN(x, 3), 0, double.PositiveInfinity);
}
