using System;
using System.ComponentModel;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace DeZero;

/// <summary>Helpers for generated graph nodes; not meant to be called directly.</summary>
/// <remarks>
/// Generated elementwise nodes share one broadcasting rule with <see cref="NDArray"/>'s operators: inputs have
/// one common shape, or are 0-d and apply to every element; a 0-d input's gradient is summed back to 0-d.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Elementwise
{
    /// <summary>Checks the input count and returns the common shape of the inputs (empty when all are 0-d).</summary>
    /// <param name="function">The node's name, for messages.</param>
    /// <param name="xs">The inputs' data.</param>
    /// <param name="arity">The number of inputs the node takes.</param>
    public static int[] Shape(string function, NDArray[] xs, int arity)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Length != arity)
        {
            throw new ArgumentException(
                $"{function} takes {arity} input{(arity == 1 ? string.Empty : "s")}, got {xs.Length}.", nameof(xs));
        }

        NDArray? shaped = null;
        foreach (var x in xs)
        {
            ArgumentNullException.ThrowIfNull(x, nameof(xs));
            if (x.Rank == 0)
            {
                continue;
            }

            if (shaped is null)
            {
                shaped = x;
            }
            else if (!shaped.ShapeArray.AsSpan().SequenceEqual(x.ShapeArray))
            {
                throw new ArgumentException(
                    $"{function} got inputs of shapes {NDArray.FormatShape(shaped.Shape)} and {NDArray.FormatShape(x.Shape)}: "
                    + "elementwise inputs need equal shapes or 0-d.",
                    nameof(xs));
            }
        }

        return shaped is null ? [] : (int[])shaped.ShapeArray.Clone();
    }

    /// <summary>The number of elements of an array of shape <paramref name="shape"/>.</summary>
    public static int Size(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var size = 1;
        foreach (var n in shape)
        {
            size = checked(size * n);
        }

        return size;
    }

    /// <summary>The step through <paramref name="x"/>'s elements in an elementwise loop: 0 for a 0-d array (it repeats), 1 otherwise.</summary>
    public static int Stride(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Rank == 0 ? 0 : 1;
    }

    /// <summary>The <see cref="Vector256{T}.Count"/> elements of <paramref name="x"/> from element <paramref name="i"/>, or its one element repeated when it is 0-d.</summary>
    public static Vector256<double> Load(ReadOnlySpan<double> x, int stride, int i) =>
        stride == 0 ? Vector256.Create(x[0]) : Vector256.Create(x.Slice(i, Vector256<double>.Count));

    /// <summary>Wraps an elementwise result in exactly <paramref name="shape"/> (empty meaning 0-d), without copying <paramref name="values"/>.</summary>
    /// <remarks><see cref="NDArray.Wrap"/> reads an empty shape as "1-d"; a node whose inputs are all 0-d needs a 0-d result.</remarks>
    public static NDArray Result(double[] values, int[] shape) => NDArray.WrapExact(values, shape);

    /// <summary>
    /// The gradient of <paramref name="input"/>: the output gradient times its partial derivative, element by
    /// element; summed back to 0-d for a 0-d input, in the input's shape otherwise.
    /// </summary>
    /// <param name="partial">∂output/∂input for each element of the common shape; only read.</param>
    /// <param name="gy">The output's gradient: the common shape, or 0-d.</param>
    /// <param name="input">The input the gradient belongs to.</param>
    public static NDArray Gradient(double[] partial, NDArray gy, NDArray input)
    {
        ArgumentNullException.ThrowIfNull(partial);
        ArgumentNullException.ThrowIfNull(gy);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank == 0 && partial.Length > 1)
        {
            // Broadcast 0-d input: its gradient is the sum of gy ⊙ partial, with no array in between. (Several
            // elements imply a shaped output, so gy has them all, unless it is itself 0-d.)
            return NDArray.Scalar(gy.Rank == 0
                ? gy.AsSpan()[0] * TensorPrimitives.Sum<double>(partial)
                : TensorPrimitives.Dot<double>(gy.AsSpan(), partial));
        }

        var gx = GC.AllocateUninitializedArray<double>(partial.Length);
        if (gy.Rank == 0)
        {
            TensorPrimitives.Multiply(partial, gy.AsSpan()[0], gx);
        }
        else
        {
            TensorPrimitives.Multiply(gy.AsSpan(), partial, gx);
        }

        if (input.Rank == 0)
        {
            return NDArray.Scalar(gx[0]);
        }

        return NDArray.WrapExact(gx, input.ShapeArray);
    }
}
