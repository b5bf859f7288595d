using System;
using System.Numerics.Tensors;

namespace DeZero;

// Elementwise + - * / and unary -. Broadcasting is deliberately narrow: equal shapes, or a 0-d
// operand (or a double) against any shape. Anything else is a bug in the caller, reported with both shapes.
// Results are allocated uninitialised: every element is written by the kernel that follows.
public sealed partial class NDArray
{
    private enum BinaryOp
    {
        Add,
        Subtract,
        Multiply,
        Divide,
    }

    /// <summary>Elementwise sum; a 0-d operand broadcasts against any shape.</summary>
    public static NDArray operator +(NDArray x, NDArray y) => Binary(x, y, BinaryOp.Add);

    /// <summary>Adds <paramref name="y"/> to every element.</summary>
    public static NDArray operator +(NDArray x, double y) => Binary(x, y, BinaryOp.Add);

    /// <summary>Adds every element to <paramref name="x"/>.</summary>
    public static NDArray operator +(double x, NDArray y) => Binary(x, y, BinaryOp.Add);

    /// <summary>Elementwise difference; a 0-d operand broadcasts against any shape.</summary>
    public static NDArray operator -(NDArray x, NDArray y) => Binary(x, y, BinaryOp.Subtract);

    /// <summary>Subtracts <paramref name="y"/> from every element.</summary>
    public static NDArray operator -(NDArray x, double y) => Binary(x, y, BinaryOp.Subtract);

    /// <summary>Subtracts every element from <paramref name="x"/>.</summary>
    public static NDArray operator -(double x, NDArray y) => Binary(x, y, BinaryOp.Subtract);

    /// <summary>Elementwise product; a 0-d operand broadcasts against any shape.</summary>
    public static NDArray operator *(NDArray x, NDArray y) => Binary(x, y, BinaryOp.Multiply);

    /// <summary>Multiplies every element by <paramref name="y"/>.</summary>
    public static NDArray operator *(NDArray x, double y) => Binary(x, y, BinaryOp.Multiply);

    /// <summary>Multiplies <paramref name="x"/> by every element.</summary>
    public static NDArray operator *(double x, NDArray y) => Binary(x, y, BinaryOp.Multiply);

    /// <summary>Elementwise quotient; a 0-d operand broadcasts against any shape.</summary>
    public static NDArray operator /(NDArray x, NDArray y) => Binary(x, y, BinaryOp.Divide);

    /// <summary>Divides every element by <paramref name="y"/>.</summary>
    public static NDArray operator /(NDArray x, double y) => Binary(x, y, BinaryOp.Divide);

    /// <summary>Divides <paramref name="x"/> by every element.</summary>
    public static NDArray operator /(double x, NDArray y) => Binary(x, y, BinaryOp.Divide);

    /// <summary>Elementwise negation.</summary>
    public static NDArray operator -(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = GC.AllocateUninitializedArray<double>(x.Size);
        TensorPrimitives.Negate<double>(x._data, result);
        return Create(result, x._shape);
    }

    private static NDArray Binary(NDArray x, NDArray y, BinaryOp op)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rank == 0)
        {
            return Binary(x._data[0], y, op);
        }

        if (y.Rank == 0)
        {
            return Binary(x, y._data[0], op);
        }

        if (!x._shape.AsSpan().SequenceEqual(y._shape))
        {
            throw new ArgumentException(
                $"Operands of shapes {FormatShape(x._shape)} and {FormatShape(y._shape)} cannot be combined: "
                + "elementwise operations need equal shapes or a 0-d operand.");
        }

        var result = GC.AllocateUninitializedArray<double>(x.Size);
        switch (op)
        {
            case BinaryOp.Add:
                TensorPrimitives.Add<double>(x._data, y._data, result);
                break;
            case BinaryOp.Subtract:
                TensorPrimitives.Subtract<double>(x._data, y._data, result);
                break;
            case BinaryOp.Multiply:
                TensorPrimitives.Multiply<double>(x._data, y._data, result);
                break;
            default:
                TensorPrimitives.Divide<double>(x._data, y._data, result);
                break;
        }

        return Create(result, x._shape);
    }

    private static NDArray Binary(NDArray x, double y, BinaryOp op)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = GC.AllocateUninitializedArray<double>(x.Size);
        switch (op)
        {
            case BinaryOp.Add:
                TensorPrimitives.Add<double>(x._data, y, result);
                break;
            case BinaryOp.Subtract:
                TensorPrimitives.Subtract<double>(x._data, y, result);
                break;
            case BinaryOp.Multiply:
                TensorPrimitives.Multiply<double>(x._data, y, result);
                break;
            default:
                TensorPrimitives.Divide<double>(x._data, y, result);
                break;
        }

        return Create(result, x._shape);
    }

    private static NDArray Binary(double x, NDArray y, BinaryOp op)
    {
        ArgumentNullException.ThrowIfNull(y);
        var result = GC.AllocateUninitializedArray<double>(y.Size);
        switch (op)
        {
            case BinaryOp.Add:
                TensorPrimitives.Add<double>(y._data, x, result);
                break;
            case BinaryOp.Subtract:
                TensorPrimitives.Subtract<double>(x, y._data, result);
                break;
            case BinaryOp.Multiply:
                TensorPrimitives.Multiply<double>(y._data, x, result);
                break;
            default:
                TensorPrimitives.Divide<double>(x, y._data, result);
                break;
        }

        return Create(result, y._shape);
    }
}
