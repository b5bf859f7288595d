using System;
using System.Buffers;
using System.ComponentModel;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeZero.CompilerServices;

/// <summary>For generated code: where an elementwise node's backward pass puts each input's gradient; see <see cref="IElementwiseKernel"/>.</summary>
/// <remarks>
/// A kernel hands over partial derivatives; this multiplies each by the output's gradient (the chain rule) and
/// keeps the product. A one-element output keeps plain values, no array. A 0-d input broadcast over more elements
/// gets pooled scratch, summed back to 0-d at the end; every other gradient is a new array that becomes the
/// input's <see cref="Variable.Grad"/> and is never pooled.
/// Members are only ever added, never changed (see <see cref="ElementwiseFunction{TKernel}"/>).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ElementwiseGradients
{
    // Per input: the gradient's elements, or null for a one-element output, whose gradient is then in _values.
    private InlineFour<double[]?> _arrays;
    private InlineFour<double> _values;
    private readonly double[]?[]? _moreArrays;
    private readonly double[]? _moreValues;

    // The output's gradient: its elements, or null when it has one element (or is 0-d, broadcast), which is then _gy.
    private readonly double[]? _gys;
    private readonly double _gy;
    private readonly int _size;

    // A one-element output with the gradient gy: every input's gradient is one value.
    internal ElementwiseGradients(int arity, double gy)
    {
        _gy = gy;
        _size = 1;
        if (arity > ElementwiseInputs.Inline)
        {
            _moreArrays = new double[]?[arity - ElementwiseInputs.Inline];
            _moreValues = new double[arity - ElementwiseInputs.Inline];
        }
    }

    // The partial derivatives themselves over an output of shape `shape`: nothing to multiply by (1 · p is p exactly in
    // IEEE arithmetic) and nothing summed back, one new array per input, for the graph nodes of second-order backward.
    internal ElementwiseGradients(int arity, Dimensions shape)
    {
        _gy = 1.0;
        _size = shape.Size;
        if (arity > ElementwiseInputs.Inline)
        {
            _moreArrays = new double[]?[arity - ElementwiseInputs.Inline];
            _moreValues = new double[arity - ElementwiseInputs.Inline];
        }

        if (_size == 1)
        {
            return;
        }

        for (var k = 0; k < arity; k++)
        {
            var array = GC.AllocateUninitializedArray<double>(_size);
            if (k < ElementwiseInputs.Inline)
            {
                _arrays[k] = array;
            }
            else
            {
                _moreArrays![k - ElementwiseInputs.Inline] = array;
            }
        }
    }

    // reuse: an array of the output's size to hold input 0's gradient instead of a new one, or null.
    internal ElementwiseGradients(in ElementwiseInputs inputs, int arity, NDArray gy, double[]? reuse)
    {
        var shape = inputs.Shape;
        _size = shape.Size;
        if (gy.Rank == 0 || (gy.Size == 1 && _size == 1))
        {
            _gy = gy.AsSpan()[0];
        }
        else if (gy.Dims.SameAs(shape))
        {
            _gys = gy.Storage;
        }
        else
        {
            throw new ArgumentException(
                $"A gradient of shape {NDArray.FormatShape(gy.Shape)} does not fit an output of shape {NDArray.FormatShape(shape)}.",
                nameof(gy));
        }

        if (arity > ElementwiseInputs.Inline)
        {
            _moreArrays = new double[]?[arity - ElementwiseInputs.Inline];
            _moreValues = new double[arity - ElementwiseInputs.Inline];
        }

        if (_size == 1)
        {
            return;
        }

        for (var k = 0; k < arity; k++)
        {
            // Only the sum of a broadcast input's buffer is kept, so that buffer alone may come from the pool.
            var array = inputs.IsOneValue(k) ? ArrayPool<double>.Shared.Rent(_size)
                : k == 0 && reuse is not null ? reuse
                : GC.AllocateUninitializedArray<double>(_size);
            if (k < ElementwiseInputs.Inline)
            {
                _arrays[k] = array;
            }
            else
            {
                _moreArrays![k - ElementwiseInputs.Inline] = array;
            }
        }
    }

    /// <summary>Sets input <paramref name="input"/>'s gradient at element <paramref name="index"/> to the output's gradient there times <paramref name="partial"/>.</summary>
    /// <param name="input">The input, counted from 0 in parameter order.</param>
    /// <param name="index">The element, in row-major order.</param>
    /// <param name="partial">The partial derivative of the method by that input, at that element.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int input, int index, double partial)
    {
        var g = (_gys is { } gys ? gys[index] : _gy) * partial;
        if (input < ElementwiseInputs.Inline)
        {
            if (_arrays[input] is { } array)
            {
                array[index] = g;
            }
            else
            {
                _values[input] = g;
            }
        }
        else if (_moreArrays![input - ElementwiseInputs.Inline] is { } more)
        {
            more[index] = g;
        }
        else
        {
            _moreValues![input - ElementwiseInputs.Inline] = g;
        }
    }

    /// <summary><see cref="Set"/> for the <see cref="Vector256{T}.Count"/> elements from <paramref name="index"/>.</summary>
    /// <param name="input">The input, counted from 0 in parameter order.</param>
    /// <param name="index">The first element, in row-major order.</param>
    /// <param name="partial">The partial derivatives at those elements.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void SetLanes(int input, int index, Vector256<double> partial)
    {
        var g = _gys is { } gys ? Vector256.Create(new ReadOnlySpan<double>(gys, index, Vector256<double>.Count)) : Vector256.Create(_gy);
        var array = input < ElementwiseInputs.Inline ? _arrays[input] : _moreArrays![input - ElementwiseInputs.Inline];
        (g * partial).CopyTo(array!, index);
    }

    /// <summary>Whether input <paramref name="k"/>'s gradient is an array rather than one value.</summary>
    internal readonly bool IsArray(int k) => (k < ElementwiseInputs.Inline ? _arrays[k] : _moreArrays![k - ElementwiseInputs.Inline]) is not null;

    /// <summary>Input <paramref name="k"/>'s gradient when it is one value.</summary>
    internal readonly double OneElement(int k) => k < ElementwiseInputs.Inline ? _values[k] : _moreValues![k - ElementwiseInputs.Inline];

    /// <summary>The gradient of <paramref name="input"/>, input number <paramref name="k"/>, once every element is set.</summary>
    internal readonly NDArray For(int k, NDArray input)
    {
        var array = k < ElementwiseInputs.Inline ? _arrays[k] : _moreArrays![k - ElementwiseInputs.Inline];
        if (array is null)
        {
            return NDArray.Scalar(k < ElementwiseInputs.Inline ? _values[k] : _moreValues![k - ElementwiseInputs.Inline], input.Dims);
        }

        return input.Size == 1 ? Summed(array, _size) : NDArray.Create(array, input.Dims);
    }

    /// <summary>Partial <paramref name="k"/> over the output's shape, from the constructor that keeps partials as they are.</summary>
    internal readonly NDArray Partial(int k, Dimensions shape)
    {
        var array = k < ElementwiseInputs.Inline ? _arrays[k] : _moreArrays![k - ElementwiseInputs.Inline];
        return array is null
            ? NDArray.Scalar(k < ElementwiseInputs.Inline ? _values[k] : _moreValues![k - ElementwiseInputs.Inline], shape)
            : NDArray.Create(array, shape);
    }

    // A broadcast 0-d input: its gradient is the sum over the output, and the scratch goes back to the pool.
    private static NDArray Summed(double[] scratch, int size)
    {
        var sum = TensorPrimitives.Sum<double>(scratch.AsSpan(0, size));
        ArrayPool<double>.Shared.Return(scratch);
        return NDArray.Scalar(sum);
    }
}
