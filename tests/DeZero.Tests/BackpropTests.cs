using System;
using Xunit;

namespace DeZero.Tests;

// Variable.Backward on graphs beyond the seed's chain: shared variables, diamonds, depth, repeated passes.
public sealed class BackpropTests
{
    [Fact]
    public void Backward_VariableUsedTwice_AccumulatesToFourX()
    {
        var x = new Variable(3.0);
        var y = Functions.Add(Functions.Square(x), Functions.Square(x));
        y.Backward();

        Assert.Equal(12.0, x.Grad!.Item());
    }

    [Fact]
    public void Backward_SameVariableAsBothInputs_AccumulatesBoth()
    {
        var x = new Variable(3.0);
        var y = Functions.Add(x, x);
        y.Backward();

        Assert.Equal(2.0, x.Grad!.Item());
    }

    [Fact]
    public void Backward_Diamond_MatchesClosedForm()
    {
        // y = exp(x²) + (x²)², so dy/dx = 2x·exp(x²) + 4x³.
        const double value = 0.7;
        var x = new Variable(value);
        var a = Functions.Square(x);
        var y = Functions.Add(Functions.Exp(a), Functions.Square(a));
        y.Backward();

        var expected = (2 * value * Math.Exp(value * value)) + (4 * value * value * value);
        Assert.Equal(expected, x.Grad!.Item(), 14);
    }

    [Fact]
    public void Backward_DiamondWithUnevenBranches_RunsFunctionsByGeneration()
    {
        // One branch is three functions deep, the other one: a's creator must wait for both.
        const double value = 0.3;
        var x = new Variable(value);
        var a = Functions.Square(x);
        var deep = Functions.Square(Functions.Exp(Functions.Square(a)));
        var y = Functions.Mul(deep, a);
        y.Backward();

        // y = exp(2x⁴)·x², dy/dx = exp(2x⁴)·(8x⁵ + 2x).
        var expected = Math.Exp(2 * Math.Pow(value, 4)) * ((8 * Math.Pow(value, 5)) + (2 * value));
        Assert.Equal(expected, x.Grad!.Item(), 14);
        Assert.Equal(1, a.Generation);
        Assert.Equal(4, deep.Generation);
        Assert.Equal(4, y.Creator!.Generation);
        Assert.Equal(5, y.Generation);
    }

    [Fact]
    public void Backward_ChainOfOneMillionFunctions_DoesNotOverflowTheStack()
    {
        var x = new Variable(1.0);
        var y = x;
        for (var i = 0; i < 1_000_000; i++)
        {
            y = new Identity().Call(y);
        }

        y.Backward();

        Assert.Equal(1_000_000, y.Generation);
        Assert.Equal(1.0, x.Grad!.Item());
    }

    [Fact]
    public void Backward_TwiceWithoutClearGrad_GivesExactlyTwiceTheLeafGradient()
    {
        var x = new Variable(0.5);
        var y = Functions.Square(Functions.Exp(Functions.Square(x)));
        y.Backward();
        var once = x.Grad!.Item();

        y.Backward();

        Assert.Equal(2 * once, x.Grad!.Item());
    }

    [Fact]
    public void Backward_AfterClearGrad_GivesTheSameGradientAgain()
    {
        var x = new Variable(0.5);
        var y = Functions.Square(Functions.Exp(Functions.Square(x)));
        y.Backward();
        var once = x.Grad!.Item();

        x.ClearGrad();
        y.Backward();

        Assert.Equal(once, x.Grad!.Item());
    }

    [Fact]
    public void Backward_ByDefault_DropsIntermediateGradientsAndKeepsLeaves()
    {
        var x = new Variable(0.5);
        var a = Functions.Square(x);
        var y = Functions.Exp(a);
        y.Backward();

        Assert.Null(y.Grad);
        Assert.Null(a.Grad);
        Assert.NotNull(x.Grad);
    }

    [Fact]
    public void Backward_WithRetainGrad_KeepsIntermediateGradients()
    {
        var x = new Variable(0.5);
        var a = Functions.Square(x);
        var y = Functions.Exp(a);
        y.Backward(retainGrad: true);

        Assert.Equal(1.0, y.Grad!.Item());
        Assert.Equal(Math.Exp(0.25), a.Grad!.Item());
        Assert.Equal(Math.Exp(0.25) * 2 * 0.5, x.Grad!.Item());
    }

    [Fact]
    public void Backward_OnALeaf_SeedsOnes()
    {
        var x = new Variable(new NDArray([1.0, 2.0]));
        x.Backward();

        Assert.Equal([1.0, 1.0], x.Grad!.ToArray());
    }

    [Fact]
    public void Backward_WithSeededGradient_StartsFromIt()
    {
        var x = new Variable(3.0);
        var y = Functions.Square(x);
        y.Grad = 10.0;
        y.Backward();

        Assert.Equal(60.0, x.Grad!.Item());
    }

    [Fact]
    public void Backward_Accumulating_NeverMutatesAnEarlierGradientArray()
    {
        var x = new Variable(3.0);
        Functions.Square(x).Backward();
        var first = x.Grad!;

        Functions.Square(x).Backward();

        Assert.Equal(6.0, first.Item());
        Assert.Equal(12.0, x.Grad!.Item());
        Assert.NotSame(first, x.Grad);
    }

    [Fact]
    public void Backward_GradientOfWrongShape_ThrowsNamingTheFunctionAndBothShapes()
    {
        var x = new Variable(new NDArray([1.0, 2.0, 3.0]));
        var y = new WrongShapeGradient().Call(x);

        var error = Assert.Throws<InvalidOperationException>(() => y.Backward());

        Assert.Contains(nameof(WrongShapeGradient), error.Message, StringComparison.Ordinal);
        Assert.Contains("(2,)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(3,)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_WrongNumberOfGradients_ThrowsNamingTheFunction()
    {
        var y = new TooManyGradients().Call(new Variable(1.0));

        var error = Assert.Throws<InvalidOperationException>(() => y.Backward());

        Assert.Contains(nameof(TooManyGradients), error.Message, StringComparison.Ordinal);
        Assert.Contains("2 gradients for 1 inputs", error.Message, StringComparison.Ordinal);
    }

    private sealed class Identity : Function
    {
        public override NDArray Forward(NDArray x) => x;

        public override NDArray Backward(NDArray gy) => gy;
    }

    private sealed class WrongShapeGradient : Function
    {
        public override NDArray Forward(NDArray x) => x;

        public override NDArray Backward(NDArray gy) => NDArray.Ones(2);
    }

    private sealed class TooManyGradients : Function
    {
        public override NDArray Forward(NDArray x) => x;

        public override NDArray[] BackwardAll(NDArray gy) => [gy, gy];
    }
}
