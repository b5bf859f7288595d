using System;
using Xunit;

namespace DeZero.Tests;

// The seed's step 10 (DeZero's SquareTest): forward, backward, and a gradient check at random points.
public sealed class Step10Tests
{
    [Fact]
    public void Square_ForwardAtTwo_IsFour()
    {
        var x = new Variable(2.0);
        var y = Functions.Square(x);

        Assert.Equal(4.0, y.Data.Item());
    }

    [Fact]
    public void Square_BackwardAtThree_IsSix()
    {
        var x = new Variable(3.0);
        var y = Functions.Square(x);
        y.Backward();

        Assert.Equal(6.0, x.Grad!.Item());
    }

    [Fact]
    public void Square_GradientCheckAtRandomPoint_Passes()
    {
        var random = new Random(10);
        NDArray x = random.NextDouble();

        Assert.True(Numerical.GradientCheck(xs => Functions.Square(xs[0]), x));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BuiltIns_GradientCheckOnRandomArrays_Pass(int seed)
    {
        var random = new Random(seed);
        var a = RandomArray(random, 2, 3);
        var b = RandomArray(random, 2, 3);
        NDArray s = random.NextDouble();

        Assert.True(Numerical.GradientCheck(xs => Functions.Square(xs[0]), a));
        Assert.True(Numerical.GradientCheck(xs => Functions.Exp(xs[0]), a));
        Assert.True(Numerical.GradientCheck(xs => Functions.Add(xs[0], xs[1]), a, b));
        Assert.True(Numerical.GradientCheck(xs => Functions.Mul(xs[0], xs[1]), a, b));
        Assert.True(Numerical.GradientCheck(xs => Functions.Mul(xs[0], xs[1]), a, s));
        Assert.True(Numerical.GradientCheck(xs => Functions.Add(Functions.Exp(xs[0]), Functions.Mul(xs[0], xs[1])), s, a));
    }

    [Fact]
    public void SeedSquareInstance_GradientCheckAtRandomVector_Passes()
    {
        var x = RandomArray(new Random(7), 5);

        Assert.True(Numerical.GradientCheck(new Square(), x));
    }

    private static NDArray RandomArray(Random random, params int[] shape)
    {
        var data = new double[NDArray.Zeros(shape).Size];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextDouble();
        }

        return new NDArray(data, shape);
    }
}
