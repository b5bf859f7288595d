using System;
using System.Numerics.Tensors;
using Xunit;

namespace DeZero.Tests;

// NDArray's storage, construction, arithmetic, math and conversions.
public sealed class NDArrayTests
{
    [Fact]
    public void ImplicitFromDouble_MakesAZeroDimensionalArray()
    {
        NDArray x = 0.5;

        Assert.Equal(0, x.Rank);
        Assert.Empty(x.Shape);
        Assert.Equal(1, x.Size);
        Assert.Equal(0.5, x.Item());
        Assert.Equal(0.5, x[Array.Empty<int>()]);
    }

    [Fact]
    public void Constructor_WithoutShape_MakesAVector()
    {
        var x = new NDArray([1.0, 2.0, 3.0]);

        Assert.Equal([3], x.Shape);
        Assert.Equal(1, x.Rank);
        Assert.Equal(2.0, x[1]);
    }

    [Fact]
    public void Constructor_WithShape_IndexesRowMajor()
    {
        var x = new NDArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3);

        Assert.Equal([2, 3], x.Shape);
        Assert.Equal(6, x.Size);
        Assert.Equal(4.0, x[1, 0]);
        Assert.Equal(3.0, x[0, 2]);
    }

    [Fact]
    public void Constructor_CopiesTheData()
    {
        double[] data = [1.0, 2.0];
        var x = new NDArray(data);

        data[0] = 99.0;

        Assert.Equal(1.0, x[0]);
    }

    [Fact]
    public void Wrap_AliasesTheData()
    {
        double[] data = [1.0, 2.0];
        var x = NDArray.Wrap(data);

        data[0] = 99.0;

        Assert.Equal(99.0, x[0]);
    }

    [Fact]
    public void Constructor_CopiesTheShape()
    {
        int[] shape = [2, 1];
        var x = new NDArray([1.0, 2.0], shape);

        shape[0] = 1;

        Assert.Equal([2, 1], x.Shape);
    }

    [Fact]
    public void ToArray_ReturnsACopy()
    {
        var x = new NDArray([1.0, 2.0]);
        var copy = x.ToArray();

        copy[0] = 99.0;

        Assert.Equal([1.0, 2.0], x.ToArray());
    }

    [Fact]
    public void Shape_CannotBeCastBackToAWritableArray()
    {
        var x = new NDArray([1.0, 2.0]);

        Assert.False(x.Shape is int[]);
    }

    [Fact]
    public void Constructor_ShapeNotMatchingData_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => new NDArray([1.0, 2.0, 3.0], 2, 2));

        Assert.Contains("(2, 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("4 elements", error.Message, StringComparison.Ordinal);
        Assert.Contains("3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeAxis_Throws()
    {
        Assert.Throws<ArgumentException>(() => new NDArray([], -1, 0));
    }

    [Fact]
    public void Constructor_NullData_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new NDArray(null!));
        Assert.Throws<ArgumentNullException>(() => NDArray.Wrap(null!));
    }

    [Fact]
    public void Item_OnSeveralElements_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new NDArray([1.0, 2.0]).Item());

        Assert.Contains("(2,)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_OnOneElementVector_ReturnsIt()
    {
        Assert.Equal(7.0, new NDArray([7.0]).Item());
    }

    [Fact]
    public void Indexer_WrongNumberOfIndices_Throws()
    {
        var x = NDArray.Zeros(2, 3);

        var error = Assert.Throws<ArgumentException>(() => x[1]);

        Assert.Contains("(2, 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_OutOfRange_ThrowsNamingAxisAndLength()
    {
        var x = NDArray.Zeros(2, 3);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => x[1, 3]);

        Assert.Contains("axis 1 of length 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_MakeTheRequestedShapesAndValues()
    {
        Assert.Equal([0.0, 0.0, 0.0, 0.0], NDArray.Zeros(2, 2).ToArray());
        Assert.Equal([1.0, 1.0, 1.0], NDArray.Ones(3).ToArray());
        Assert.Equal(0, NDArray.Ones().Rank);
        Assert.Equal(1.0, NDArray.Ones().Item());
        Assert.Equal(0.0, NDArray.Zeros().Item());

        var like = NDArray.OnesLike(NDArray.Zeros(2, 3));
        Assert.Equal([2, 3], like.Shape);
        Assert.Equal(6.0, NDArray.Sum(like).Item());
        Assert.Equal([2, 3], NDArray.ZerosLike(like).Shape);
        Assert.Equal(0.0, NDArray.Sum(NDArray.ZerosLike(like)).Item());
    }

    [Fact]
    public void Arithmetic_SameShapes_IsElementwise()
    {
        var a = new NDArray([1.0, 2.0, 3.0]);
        var b = new NDArray([4.0, 5.0, 8.0]);

        Assert.Equal([5.0, 7.0, 11.0], (a + b).ToArray());
        Assert.Equal([-3.0, -3.0, -5.0], (a - b).ToArray());
        Assert.Equal([4.0, 10.0, 24.0], (a * b).ToArray());
        Assert.Equal([0.25, 0.4, 0.375], (a / b).ToArray());
        Assert.Equal([-1.0, -2.0, -3.0], (-a).ToArray());
    }

    [Fact]
    public void Arithmetic_WithDoubleOnEitherSide_KeepsOperandOrder()
    {
        var a = new NDArray([1.0, 2.0, 4.0]);

        Assert.Equal([3.0, 4.0, 6.0], (a + 2).ToArray());
        Assert.Equal([3.0, 4.0, 6.0], (2 + a).ToArray());
        Assert.Equal([-1.0, 0.0, 2.0], (a - 2).ToArray());
        Assert.Equal([1.0, 0.0, -2.0], (2 - a).ToArray());
        Assert.Equal([2.0, 4.0, 8.0], (a * 2).ToArray());
        Assert.Equal([0.5, 1.0, 2.0], (a / 2).ToArray());
        Assert.Equal([2.0, 1.0, 0.5], (2 / a).ToArray());
    }

    [Fact]
    public void Arithmetic_ZeroDimensionalOperand_BroadcastsOnEitherSide()
    {
        var a = new NDArray([1.0, 2.0, 4.0, 8.0], 2, 2);
        NDArray s = 2.0;

        Assert.Equal([2, 2], (s - a).Shape);
        Assert.Equal([1.0, 0.0, -2.0, -6.0], (s - a).ToArray());
        Assert.Equal([0.5, 1.0, 2.0, 4.0], (a / s).ToArray());
        Assert.Equal(0, (s * s).Rank);
        Assert.Equal(4.0, (s * s).Item());
    }

    [Fact]
    public void Arithmetic_MismatchedShapes_ThrowsWithBothShapes()
    {
        var a = NDArray.Zeros(2, 3);
        var b = NDArray.Zeros(3);

        var error = Assert.Throws<ArgumentException>(() => a + b);

        Assert.Contains("(2, 3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(3,)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_OneElementVectorAgainstLongerVector_DoesNotBroadcast()
    {
        var error = Assert.Throws<ArgumentException>(() => new NDArray([1.0]) * NDArray.Ones(3));

        Assert.Contains("(1,)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(3,)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_NeverChangesItsOperands()
    {
        var a = new NDArray([1.0, 2.0]);
        var b = new NDArray([3.0, 4.0]);

        _ = a + b;
        _ = -a;
        _ = NDArray.Exp(a);

        Assert.Equal([1.0, 2.0], a.ToArray());
        Assert.Equal([3.0, 4.0], b.ToArray());
    }

    [Fact]
    public void Math_OnZeroDimensional_IsBitIdenticalToSystemMath()
    {
        const double v = 0.7853981633974483;
        NDArray x = v;

        Assert.Equal(Math.Exp(v), NDArray.Exp(x).Item());
        Assert.Equal(Math.Log(v), NDArray.Log(x).Item());
        Assert.Equal(Math.Sin(v), NDArray.Sin(x).Item());
        Assert.Equal(Math.Cos(v), NDArray.Cos(x).Item());
        Assert.Equal(Math.Tan(v), NDArray.Tan(x).Item());
        Assert.Equal(Math.Tanh(v), NDArray.Tanh(x).Item());
        Assert.Equal(Math.Sqrt(v), NDArray.Sqrt(x).Item());
        Assert.Equal(Math.Pow(v, 2.5), NDArray.Pow(x, 2.5).Item());
        Assert.Equal(v * v, NDArray.Square(x).Item());
        Assert.Equal(v, NDArray.Abs(-x).Item());
    }

    [Fact]
    public void Math_OnArrays_AgreesWithSystemMathElementwise()
    {
        double[] values = [0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0];
        var x = new NDArray(values);

        var exp = NDArray.Exp(x);
        var log = NDArray.Log(x);
        var sin = NDArray.Sin(x);
        var tanh = NDArray.Tanh(x);
        var pow = NDArray.Pow(x, 3);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(Math.Exp(values[i]), exp[i], 1e-14 * Math.Exp(values[i]));
            Assert.Equal(Math.Log(values[i]), log[i], 1e-14);
            Assert.Equal(Math.Sin(values[i]), sin[i], 1e-14);
            Assert.Equal(Math.Tanh(values[i]), tanh[i], 1e-14);
            Assert.Equal(Math.Pow(values[i], 3), pow[i], 1e-12);
        }

        Assert.Equal([11], exp.Shape);
    }

    [Fact]
    public void Sum_ReturnsAZeroDimensionalTotal()
    {
        var total = NDArray.Sum(new NDArray([1.0, 2.0, 3.0, 4.0], 2, 2));

        Assert.Equal(0, total.Rank);
        Assert.Equal(10.0, total.Item());
        Assert.Equal(0.0, NDArray.Sum(NDArray.Zeros(0)).Item());
    }

    [Fact]
    public void Tensor_RoundTrip_KeepsShapeAndValuesAndCopies()
    {
        var x = new NDArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3);

        var tensor = x.ToTensor();
        var back = NDArray.FromTensor(tensor);

        Assert.Equal([(nint)2, 3], tensor.Lengths.ToArray());
        Assert.Equal(6.0, tensor[1, 2]);
        Assert.Equal([2, 3], back.Shape);
        Assert.Equal(x.ToArray(), back.ToArray());

        tensor[0, 0] = 99.0;
        Assert.Equal(1.0, x[0, 0]);
        Assert.Equal(1.0, back[0, 0]);
    }

    [Fact]
    public void Tensor_FromZeroDimensional_IsAOneElementVector()
    {
        NDArray x = 2.5;

        var tensor = x.ToTensor();

        Assert.Equal(1, tensor.Rank);
        Assert.Equal(2.5, tensor[0]);
        Assert.Equal([1], NDArray.FromTensor(tensor).Shape);
        Assert.Equal(2.5, NDArray.FromTensor(tensor).Item());
    }

    [Fact]
    public void Tensor_ExplicitConversions_RoundTrip()
    {
        var tensor = Tensor.Create([1.0, 2.0, 3.0, 4.0], [(nint)2, 2]);

        var x = (NDArray)tensor;
        var again = (Tensor<double>)x;

        Assert.Equal([2, 2], x.Shape);
        Assert.Equal(3.0, x[1, 0]);
        Assert.Equal(4.0, again[1, 1]);
    }

    [Fact]
    public void DoubleArray_RoundTrip_Copies()
    {
        double[] data = [1.5, -2.5];
        var x = new NDArray(data);
        var back = x.ToArray();

        Assert.Equal(data, back);
        Assert.NotSame(data, back);
        Assert.Equal(data, x.AsSpan().ToArray());
    }

    [Fact]
    public void Equality_IsByReference()
    {
        var a = new NDArray([1.0]);
        var b = new NDArray([1.0]);

        Assert.NotEqual(a, b);
        Assert.Equal(a, a);
    }
}
