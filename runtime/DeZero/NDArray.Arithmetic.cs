using System;
using System.Numerics.Tensors;

namespace DeZero;

// Elementwise + - * / and unary -. Broadcasting is deliberately narrow: equal shapes, or a 0-d
// operand (or a double) against any shape. Anything else is a bug in the caller, reported with both shapes.
// Results are allocated uninitialised: every element is written by the kernel that follows. One element takes
// plain arithmetic instead of a kernel call, and stays inline (no data array).
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
        if (x.Size == 1)
        {
            return Scalar(-x.AsSpan()[0], x._shape);
        }

        var result = GC.AllocateUninitializedArray<double>(x.Size);
        TensorPrimitives.Negate<double>(x.AsSpan(), result);
        return Create(result, x._shape);
    }

    private static NDArray Binary(NDArray x, NDArray y, BinaryOp op)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rank == 0)
        {
            return Binary(x.AsSpan()[0], y, op);
        }

        if (y.Rank == 0)
        {
            return Binary(x, y.AsSpan()[0], op);
        }

        if (!x._shape.SameAs(y._shape))
        {
            throw new ArgumentException(
                $"Operands of shapes {FormatShape(x._shape)} and {FormatShape(y._shape)} cannot be combined: "
                + "elementwise operations need equal shapes or a 0-d operand.");
        }

        if (x.Size == 1)
        {
            return Scalar(Apply(x.AsSpan()[0], y.AsSpan()[0], op), x._shape);
        }

        var result = GC.AllocateUninitializedArray<double>(x.Size);
        switch (op)
        {
            case BinaryOp.Add:
                TensorPrimitives.Add<double>(x.AsSpan(), y.AsSpan(), result);
                break;
            case BinaryOp.Subtract:
                TensorPrimitives.Subtract<double>(x.AsSpan(), y.AsSpan(), result);
                break;
            case BinaryOp.Multiply:
                TensorPrimitives.Multiply<double>(x.AsSpan(), y.AsSpan(), result);
                break;
            default:
                TensorPrimitives.Divide<double>(x.AsSpan(), y.AsSpan(), result);
                break;
        }

        return Create(result, x._shape);
    }

    private static NDArray Binary(NDArray x, double y, BinaryOp op)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Size == 1)
        {
            return Scalar(Apply(x.AsSpan()[0], y, op), x._shape);
        }

        var result = GC.AllocateUninitializedArray<double>(x.Size);
        switch (op)
        {
            case BinaryOp.Add:
                TensorPrimitives.Add<double>(x.AsSpan(), y, result);
                break;
            case BinaryOp.Subtract:
                TensorPrimitives.Subtract<double>(x.AsSpan(), y, result);
                break;
            case BinaryOp.Multiply:
                TensorPrimitives.Multiply<double>(x.AsSpan(), y, result);
                break;
            default:
                TensorPrimitives.Divide<double>(x.AsSpan(), y, result);
                break;
        }

        return Create(result, x._shape);
    }

    private static NDArray Binary(double x, NDArray y, BinaryOp op)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Size == 1)
        {
            return Scalar(Apply(x, y.AsSpan()[0], op), y._shape);
        }

        var result = GC.AllocateUninitializedArray<double>(y.Size);
        switch (op)
        {
            case BinaryOp.Add:
                TensorPrimitives.Add<double>(y.AsSpan(), x, result);
                break;
            case BinaryOp.Subtract:
                TensorPrimitives.Subtract<double>(x, y.AsSpan(), result);
                break;
            case BinaryOp.Multiply:
                TensorPrimitives.Multiply<double>(y.AsSpan(), x, result);
                break;
            default:
                TensorPrimitives.Divide<double>(x, y.AsSpan(), result);
                break;
        }

        return Create(result, y._shape);
    }

    // One element: plain IEEE arithmetic, what the vector kernels compute for each element.
    private static double Apply(double x, double y, BinaryOp op) => op switch
    {
        BinaryOp.Add => x + y,
        BinaryOp.Subtract => x - y,
        BinaryOp.Multiply => x * y,
        _ => x / y,
    };
}
