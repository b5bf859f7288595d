using System;
using Xunit;

namespace DeZero.Tests;

// Numerical.Diff (the seed's numerical_diff) and the gradient check built on central differences.
public sealed class NumericalTests
{
    [Fact]
    public void Diff_OfFunctionInstance_IsTheSeedsValueExactly()
    {
        var dy = Numerical.Diff(new Square(), new Variable(2.0));

        Assert.Equal(4.000000000004, dy.Item());
    }

    [Fact]
    public void Diff_OfDelegate_IsTheSeedsValueExactly()
    {
        var dy = Numerical.Diff(x => Functions.Square(Functions.Exp(Functions.Square(x))), new Variable(0.5));

        Assert.Equal(3.2974426293330694, dy.Item());
    }

    [Fact]
    public void Diff_WithCustomEps_UsesIt()
    {
        var dy = Numerical.Diff(new Square(), new Variable(2.0), eps: 0.5);

        Assert.Equal(4.0, dy.Item());
    }

    [Fact]
    public void Diff_OnVector_IsElementwise()
    {
        var dy = Numerical.Diff(Functions.Square, new Variable(new NDArray([1.0, -3.0])));

        Assert.Equal([2], dy.Shape);
        Assert.Equal(2.0, dy[0], 10);
        Assert.Equal(-6.0, dy[1], 10);
    }

    [Fact]
    public void GradientCheck_WrongBackward_FailsAndNamesTheWorstElement()
    {
        var x = new NDArray([0.5, 1.0, 2.0]);

        var comparison = Numerical.CompareGradients(new WrongCube(), x);

        Assert.False(comparison.Passed);
        Assert.False(Numerical.GradientCheck(new WrongCube(), x));
        Assert.Equal(0, comparison.Input);
        Assert.Equal(2, comparison.Index);
        Assert.Equal(12.0, comparison.Numerical, 6);
        Assert.Equal(8.0, comparison.Backprop);
        Assert.Contains("input 0, element 2", comparison.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GradientCheck_RightBackward_PassesWithinTolerance()
    {
        var comparison = Numerical.CompareGradients(xs => Functions.Mul(xs[0], xs[1]), new NDArray([0.5, 1.5]), 2.0);

        Assert.True(comparison.Passed);
        Assert.True(comparison.Excess <= 0);
    }

    [Fact]
    public void GradientCheck_DoesNotChangeItsInputs()
    {
        var x = new NDArray([0.25, 0.75]);

        Numerical.GradientCheck(xs => Functions.Exp(xs[0]), x);

        Assert.Equal([0.25, 0.75], x.ToArray());
    }

    [Fact]
    public void GradientCheck_NaNGradient_Fails()
    {
        Assert.False(Numerical.GradientCheck(new NaNGradient(), 1.0));
    }

    private sealed class WrongCube : Function
    {
        public override NDArray Forward(NDArray x) => x * x * x;

        // 2x² instead of 3x²: off by x², so worst at x = 2 (8 against 12).
        public override NDArray Backward(NDArray gy) => 2 * Input.Data * Input.Data * gy;
    }

    private sealed class NaNGradient : Function
    {
        public override NDArray Forward(NDArray x) => x;

        public override NDArray Backward(NDArray gy) => double.NaN * gy;
    }
}
