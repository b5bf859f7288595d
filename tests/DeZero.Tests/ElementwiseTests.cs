using System;
using Xunit;

namespace DeZero.Tests;

// The helpers generated nodes call: one broadcasting rule shared with NDArray's operators.
public sealed class ElementwiseTests
{
    [Fact]
    public void Shape_SameShapes_ReturnsThatShape()
    {
        var shape = Elementwise.Shape("F", [NDArray.Zeros(2, 3), NDArray.Zeros(2, 3)], 2);

        Assert.Equal([2, 3], shape);
    }

    [Fact]
    public void Shape_ZeroDimensionalMixedIn_ReturnsTheOtherShape()
    {
        Assert.Equal([3], Elementwise.Shape("F", [2.0, NDArray.Zeros(3), 1.0], 3));
    }

    [Fact]
    public void Shape_AllZeroDimensional_ReturnsEmpty()
    {
        Assert.Empty(Elementwise.Shape("F", [2.0, 1.0], 2));
    }

    [Fact]
    public void Shape_WrongInputCount_ThrowsNamingTheFunction()
    {
        var error = Assert.Throws<ArgumentException>(() => Elementwise.Shape("RosenbrockFunction", [1.0, 2.0, 3.0], 2));

        Assert.StartsWith("RosenbrockFunction takes 2 inputs, got 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_MismatchedShapes_ThrowsNamingFunctionAndBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Elementwise.Shape("F", [NDArray.Zeros(2, 3), NDArray.Zeros(3)], 2));

        Assert.Contains("F", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(3,)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SizeAndStride_FollowTheShape()
    {
        Assert.Equal(6, Elementwise.Size([2, 3]));
        Assert.Equal(1, Elementwise.Size([]));
        Assert.Equal(0, Elementwise.Stride(1.0));
        Assert.Equal(1, Elementwise.Stride(NDArray.Zeros(1)));
    }

    [Fact]
    public void Gradient_ForBroadcastZeroDimensionalInput_SumsPooledBufferToZeroDimensional()
    {
        NDArray input = 7.0;
        var buffer = Elementwise.GradientBuffer(input, 3);
        buffer[0] = 1.0;
        buffer[1] = 4.0;
        buffer[2] = 14.0;

        var g = Elementwise.Gradient(buffer, 3, input);

        Assert.True(buffer.Length >= 3);
        Assert.Equal(0, g.Rank);
        Assert.Equal(1.0 + 4.0 + 14.0, g.Item());
    }

    [Fact]
    public void Backward_ZeroDimensionalInputBroadcastOverEmptyArray_GradientIsZero()
    {
        var x = new Variable(3.0);
        var y = new Variable(NDArray.Zeros(0));

        var z = x * y;
        z.Backward();

        Assert.Equal([0], z.Data.Shape);
        Assert.Equal(0, x.Grad!.Rank);
        Assert.Equal(0.0, x.Grad.Item());
        Assert.Equal([0], y.Grad!.Shape);
    }

    [Fact]
    public void Gradient_ForZeroDimensionalInputOfZeroDimensionalOutput_IsTheOneElement()
    {
        NDArray input = 7.0;
        var buffer = Elementwise.GradientBuffer(input, 1);
        buffer[0] = -0.0;

        var g = Elementwise.Gradient(buffer, 1, input);

        Assert.Equal(0, g.Rank);
        Assert.True(double.IsNegative(g.Item())); // taken as it is, not summed: -0.0 stays -0.0
    }

    [Fact]
    public void Gradient_ForShapedInput_WrapsTheBufferInItsShape()
    {
        var input = NDArray.Zeros(2, 2);
        var buffer = Elementwise.GradientBuffer(input, 4);
        new double[] { 0.5, 1.0, 1.5, 2.0 }.CopyTo(buffer, 0);

        var g = Elementwise.Gradient(buffer, 4, input);

        Assert.Equal(4, buffer.Length);
        Assert.Equal([2, 2], g.Shape);
        Assert.Equal(1.5, g[1, 0]);
    }

    [Fact]
    public void Result_EmptyShape_IsZeroDimensional()
    {
        var y = Elementwise.Result([4.0], []);

        Assert.Equal(0, y.Rank);
        Assert.Equal("4.0", y.ToString());
        Assert.Equal([1], NDArray.Wrap([4.0]).Shape);
    }
}
