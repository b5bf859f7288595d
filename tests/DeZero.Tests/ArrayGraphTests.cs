using System;
using Xunit;

namespace DeZero.Tests;

// The same functions on 1-d and 2-d arrays: values and gradients elementwise; 0-d operands broadcast.
public sealed class ArrayGraphTests
{
    [Fact]
    public void SquareExpSquare_OnVector_GivesElementwiseGradients()
    {
        double[] values = [-1.0, 0.0, 0.5, 1.25];
        var x = new Variable(new NDArray(values));
        var y = Functions.Square(Functions.Exp(Functions.Square(x)));
        y.Backward();

        Assert.Equal([4], x.Grad!.Shape);
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            Assert.Equal(4 * v * Math.Exp(2 * v * v), x.Grad[i], 12);
        }
    }

    [Fact]
    public void MulAndAdd_OnMatrices_GiveElementwiseGradients()
    {
        var a = new Variable(new NDArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3));
        var b = new Variable(new NDArray([0.5, -1.0, 2.0, 0.0, 3.0, -2.0], 2, 3));
        var y = Functions.Add(Functions.Mul(a, b), Functions.Square(a));
        y.Backward();

        Assert.Equal([2, 3], y.Shape);
        Assert.Equal([1.5, 2.0, 15.0, 16.0, 40.0, 24.0], y.Data.ToArray());
        Assert.Equal([2.5, 3.0, 8.0, 8.0, 13.0, 10.0], a.Grad!.ToArray());
        Assert.Equal(a.Data.ToArray(), b.Grad!.ToArray());
        Assert.Equal(3.0, a.Grad[0, 1]);
        Assert.Equal(8.0, a.Grad[1, 0]);
    }

    [Fact]
    public void Mul_ScalarByVector_BroadcastsAndSumsTheScalarsGradient()
    {
        var s = new Variable(2.0);
        var v = new Variable(new NDArray([1.0, 2.0, 3.0]));
        var y = Functions.Mul(s, v);
        y.Backward();

        Assert.Equal([2.0, 4.0, 6.0], y.Data.ToArray());
        Assert.Equal(0, s.Grad!.Rank);
        Assert.Equal(6.0, s.Grad.Item());
        Assert.Equal([2.0, 2.0, 2.0], v.Grad!.ToArray());
    }

    [Fact]
    public void Add_MatrixPlusScalar_BroadcastsAndSumsTheScalarsGradient()
    {
        var m = new Variable(NDArray.Ones(2, 2));
        var s = new Variable(0.5);
        var y = Functions.Add(m, s);
        y.Backward();

        Assert.Equal([1.5, 1.5, 1.5, 1.5], y.Data.ToArray());
        Assert.Equal(4.0, s.Grad!.Item());
        Assert.Equal([2, 2], m.Grad!.Shape);
    }

    [Fact]
    public void Add_MismatchedShapes_ThrowsWithBothShapes()
    {
        var a = new Variable(NDArray.Zeros(2, 3));
        var b = new Variable(NDArray.Zeros(3));

        var error = Assert.Throws<ArgumentException>(() => Functions.Add(a, b));

        Assert.Contains("(2, 3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(3,)", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddFunction", error.Message, StringComparison.Ordinal);
    }
}
