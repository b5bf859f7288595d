using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeZero.CompilerServices;

/// <summary>
/// For generated code: the graph node of a <c>[Differentiable]</c> method, evaluated elementwise over its inputs by the
/// kernel <typeparamref name="TKernel"/>. Not meant to be derived from by hand.
/// </summary>
/// <remarks>
/// The node's forward pass evaluates the method at every element; its backward pass multiplies the output's
/// gradient by the partial derivatives, recomputed from the inputs rather than kept from the forward pass (for
/// large arrays, cheaper than writing them out and reading them back, and the node holds no array between the
/// passes). Whole vectors go through the kernel's SIMD lanes when it has them; scalars (one-element outputs) and
/// the last few elements always take its scalar path, which calls the method itself, so they are bit for bit
/// what the method returns. A generated node declares only its kernel and, for int parameters, their properties.
/// Like everything in <c>DeZero.CompilerServices</c>, its members are only ever added, never changed, so code generated
/// by an earlier generator of this major version keeps compiling against a later runtime.
/// </remarks>
/// <typeparam name="TKernel">The method's arithmetic; a struct, so every loop here is compiled for it.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ElementwiseFunction<TKernel> : Function
    where TKernel : struct, IElementwiseKernel
{
    /// <summary>The kernel of this node: its default value, unless the method has int parameters, which a node passes to it.</summary>
    protected virtual TKernel CreateKernel() => default;

    /// <summary>Evaluates the method elementwise over <paramref name="xs"/>.</summary>
    /// <param name="xs">One array per input, of one common shape or 0-d.</param>
    public sealed override NDArray ForwardAll(NDArray[] xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        var kernel = CreateKernel();
        var inputs = ElementwiseInputs.Of(this, kernel.Arity, xs);
        return Forward(kernel, inputs);
    }

    /// <summary>The gradient of every input of the recorded call: <paramref name="gy"/> times each partial derivative.</summary>
    /// <param name="gy">The gradient of the output: of its shape, or 0-d.</param>
    public sealed override NDArray[] BackwardAll(NDArray gy)
    {
        ArgumentNullException.ThrowIfNull(gy);
        var kernel = CreateKernel();
        var inputs = Recorded(kernel.Arity);
        var gradients = new ElementwiseGradients(inputs, kernel.Arity, gy, reuse: null);
        Backward(kernel, inputs, ref gradients);
        var gxs = new NDArray[kernel.Arity];
        for (var k = 0; k < gxs.Length; k++)
        {
            gxs[k] = gradients.For(k, InputAt(k).Data);
        }

        return gxs;
    }

    /// <summary>
    /// The gradient of every input of the recorded call as a graph, so it can be differentiated again: built by the
    /// kernel from other differentiable nodes when the method's body allows (any order), otherwise from nodes of the
    /// method's partial derivatives, whose own gradients come from its second derivatives.
    /// </summary>
    /// <param name="gy">The gradient of the output: of its shape, or 0-d.</param>
    public sealed override Variable[] BackwardAll(Variable gy)
    {
        ArgumentNullException.ThrowIfNull(gy);
        var kernel = CreateKernel();
        var recorded = Recorded(kernel.Arity);
        var xs = new Variable[kernel.Arity];
        for (var k = 0; k < xs.Length; k++)
        {
            xs[k] = InputAt(k);
        }

        var gxs = new Variable[xs.Length];
        switch (kernel.Order)
        {
            case int.MaxValue:
                kernel.GradientGraph(xs, RecordedOutput!, gy, gxs);
                break;
            case >= 2:
                {
                    var partials = new ElementwiseGradients(kernel.Arity, recorded.Shape);
                    Backward(kernel, recorded, ref partials);
                    for (var k = 0; k < xs.Length; k++)
                    {
                        gxs[k] = gy * new PartialFunction<TKernel>(this, kernel, k, partials.Partial(k, recorded.Shape)).Call(xs);
                    }

                    break;
                }

            default:
                throw new NotSupportedException(
                    $"The node of {Generated(GetType()) ?? GetType().Name} is differentiable to the first order only, so a "
                    + "Backward(createGraph: true) pass cannot go through it: the generator did not write its second derivatives "
                    + "(a call, direct or through a callee, to a function whose derivative is supplied with [DerivativeOf]; "
                    + "a call to a generated …WithGradient, whose derivatives are second derivatives already; more than 8 "
                    + "parameters without [Differentiable(Hessian = true)]), or it was generated by a version "
                    + "of DeZero without higher-order derivatives.");
        }

        for (var k = 0; k < gxs.Length; k++)
        {
            gxs[k] = ElementwiseGraph.SumTo(gxs[k], xs[k].Data);
        }

        return gxs;
    }

    internal sealed override NDArray Evaluate(Variable[] inputs)
    {
        var kernel = CreateKernel();
        if (inputs.Length > ElementwiseInputs.Inline)
        {
            return Forward(kernel, ElementwiseInputs.Of(this, kernel.Arity, Array.ConvertAll(inputs, x => x.Data)));
        }

        // The inputs' data without an array of NDArrays on the heap: a call of a scalar node allocates only its output.
        var xs = default(InlineFour<NDArray>);
        for (var k = 0; k < inputs.Length; k++)
        {
            xs[k] = inputs[k].Data;
        }

        return Forward(kernel, ElementwiseInputs.Of(this, kernel.Arity, ((ReadOnlySpan<NDArray>)xs)[..inputs.Length]));
    }

    internal sealed override void Backpropagate(Variable output, BackwardQueue pass)
    {
        if (pass.CreateGraph)
        {
            BackpropagateGraph(output);
            return;
        }

        var kernel = CreateKernel();
        var inputs = Recorded(kernel.Arity);
        if (inputs.Shape.Size == 1 && output.TryGetOneElementGrad(out var gy))
        {
            // A node over scalars: plain doubles from the output's gradient to the inputs', no array on the way.
            var partials = new ElementwiseGradients(kernel.Arity, gy);
            kernel.Partials(inputs, 0, ref partials);
            for (var k = 0; k < kernel.Arity; k++)
            {
                InputAt(k).AccumulateGrad(partials.OneElement(k));
            }

            return;
        }

        BackpropagateArrays(kernel, inputs, output, pass);
    }

    // Kept out of Backpropagate so the scalar path's frame stays small: the JIT zeroes every local of a method on entry.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void BackpropagateArrays(TKernel kernel, in ElementwiseInputs inputs, Variable output, BackwardQueue pass)
    {
        var gy = output.Grad!;

        // One input of the output's shape may have its gradient written over the output's, when the pass made that
        // array and drops it after this node (elementwise, each element is read before it is written). With several
        // inputs the others would still read the output's gradient after the first wrote over it: they never do.
        var reuse = kernel.Arity == 1 && !inputs.IsOneValue(0) && gy.Storage is { } storage && pass.TakeOwned(storage) ? storage : null;
        var gradients = new ElementwiseGradients(inputs, kernel.Arity, gy, reuse);
        Backward(kernel, inputs, ref gradients);
        for (var k = 0; k < kernel.Arity; k++)
        {
            var input = InputAt(k);
            if (input.Size == 1 && !gradients.IsArray(k))
            {
                input.AccumulateGrad(gradients.OneElement(k));
                continue;
            }

            var gx = gradients.For(k, input.Data);
            if (input.Creator is not null && input.HasNoGrad && gx.Storage is { } array)
            {
                pass.Own(array); // the input's gradient, so far only this pass's
            }

            input.AccumulateGrad(gx);
        }
    }

    private ElementwiseInputs Recorded(int arity)
    {
        if (RecordedOutput is null)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} has not been called with backprop enabled, so there is nothing to backpropagate.");
        }

        return ElementwiseInputs.OfRecorded(this, arity);
    }

    private static NDArray Forward(TKernel kernel, in ElementwiseInputs inputs)
    {
        var shape = inputs.Shape;
        return shape.Size == 1 ? NDArray.Scalar(kernel.Value(inputs, 0), shape) : ForwardArrays(kernel, inputs, shape);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static NDArray ForwardArrays(TKernel kernel, in ElementwiseInputs inputs, Dimensions shape)
    {
        var n = shape.Size;
        var y = GC.AllocateUninitializedArray<double>(n); // every element is written below
        var i = 0;
        if (kernel.HasLanes && Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                kernel.ValueLanes(inputs, i).CopyTo(y, i);
            }
        }

        for (; i < n; i++)
        {
            y[i] = kernel.Value(inputs, i);
        }

        return NDArray.Create(y, shape);
    }

    internal static void Backward(TKernel kernel, in ElementwiseInputs inputs, ref ElementwiseGradients gradients)
    {
        var n = inputs.Shape.Size;
        var i = 0;
        if (kernel.HasLanes && Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                kernel.PartialsLanes(inputs, i, ref gradients);
            }
        }

        for (; i < n; i++)
        {
            kernel.Partials(inputs, i, ref gradients);
        }
    }
}
