using System;
using Xunit;

namespace DeZero.Tests;

// Variable's box: data, gradient checks, name, printing.
public sealed class VariableTests
{
    [Fact]
    public void Constructor_NullData_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new Variable(null!));
    }

    [Fact]
    public void Constructor_FromDouble_HoldsZeroDimensionalData()
    {
        var x = new Variable(0.5, "x");

        Assert.Equal(0.5, x.Data.Item());
        Assert.Empty(x.Shape);
        Assert.Equal(1, x.Size);
        Assert.Equal("x", x.Name);
        Assert.Null(x.Grad);
        Assert.Null(x.Creator);
        Assert.Equal(0, x.Generation);
    }

    [Fact]
    public void ImplicitConversion_FromDouble_IsAZeroDimensionalLeaf()
    {
        Variable x = 2.0;

        Assert.Equal(2.0, x.Data.Item());
        Assert.Empty(x.Shape);
        Assert.Null(x.Name);
        Assert.Null(x.Grad);
        Assert.Null(x.Creator);
        Assert.Equal(0, x.Generation);
    }

    [Fact]
    public void ImplicitConversion_FromNDArray_IsALeafHoldingThatArray()
    {
        var data = new NDArray([1.0, 2.0, 3.0, 4.0], 2, 2);

        Variable x = data;

        Assert.Same(data, x.Data);
        Assert.Equal([2, 2], x.Shape);
        Assert.Null(x.Grad);
        Assert.Null(x.Creator);
    }

    [Fact]
    public void ImplicitConversion_NullNDArray_ThrowsArgumentNull()
    {
        NDArray? data = null;
        Assert.Throws<ArgumentNullException>(() => { Variable x = data!; });
    }

    [Fact]
    public void ImplicitConversion_ConstantsAsFunctionArguments_AreLeavesOfTheGraph()
    {
        // DeZero's as_variable: Functions.Mul(x, 3.0) and Functions.Add(x, array) record the constant as a leaf input.
        var x = new Variable(new NDArray([1.0, 2.0]));
        var y = Functions.Add(Functions.Mul(x, 3.0), new NDArray([0.5, 0.25]));
        y.Backward();

        Assert.Equal([3.5, 6.25], y.Data.ToArray());
        Assert.Equal([3.0, 3.0], x.Grad!.ToArray());
    }

    [Fact]
    public void Operators_WithDoubleAndInt_StillTakeTheDoubleOverloads()
    {
        // Variable + double had its own operator before the conversion existed; it stays the one chosen (no ambiguity),
        // and an int converts to double first (a standard conversion beats a user-defined one).
        var x = new Variable(2.0);
        Assert.Equal(5.0, (x + 3.0).Data.Item());
        Assert.Equal(6.0, (x * 3).Data.Item());
        Assert.Equal(-1.0, (1 - x).Data.Item());
        Assert.Equal(0.5, (x / 4.0).Data.Item());
        Assert.Equal(3.0, (x + (NDArray)1.0).Data.Item());
        Assert.Equal(4.0, Functions.Pow(x, 2.0).Data.Item());
    }

    [Fact]
    public void Grad_OfWrongShape_ThrowsWithBothShapes()
    {
        var x = new Variable(NDArray.Zeros(2, 3));

        var error = Assert.Throws<ArgumentException>(() => x.Grad = NDArray.Ones(3));

        Assert.Contains("(3,)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3)", error.Message, StringComparison.Ordinal);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Grad_AssignedAndCleared_RoundTrips()
    {
        var x = new Variable(NDArray.Zeros(2));
        var g = new NDArray([1.0, 2.0]);

        x.Grad = g;
        Assert.Same(g, x.Grad);

        x.ClearGrad();
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Data_SetToNull_Throws()
    {
        var x = new Variable(1.0);

        Assert.Throws<ArgumentNullException>(() => x.Data = null!);
    }

    [Fact]
    public void ToString_Scalar_ReadsLikeDeZerosRepr()
    {
        Assert.Equal("variable(0.5)", new Variable(0.5).ToString());
    }

    [Fact]
    public void ToString_Matrix_IndentsContinuationLines()
    {
        var x = new Variable(new NDArray([1.0, 2.0, 3.0, 4.0], 2, 2));

        Assert.Equal("variable([[1. 2.]\n          [3. 4.]])", x.ToString());
    }
}
