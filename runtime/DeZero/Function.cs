using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace DeZero;

/// <summary>The base of every graph node: <see cref="Call"/> does the bookkeeping, a subclass writes only the math.</summary>
/// <remarks>
/// One input: override <see cref="Forward"/> and <see cref="Backward"/>, exactly as the seed writes
/// <c>class Square(Function)</c>. Several inputs: override <see cref="ForwardAll"/> and <see cref="BackwardAll"/>
/// (C# cannot overload <c>Backward</c> on its return type alone, hence the second pair of names).
/// </remarks>
public abstract class Function
{
    // The inputs of the last recorded call: the variable itself when there is one (most functions, and no array to
    // allocate and keep per node), a Variable[] of our own when there are several, null before a recorded call.
    private object? _inputs;
    private Variable? _output;

    /// <summary>The last backward pass that queued this function (see <see cref="Variable.Backward"/>).</summary>
    internal long BackwardPass;

    /// <summary>The inputs of the last recorded call; empty before it.</summary>
    /// <remarks>For a function of one input, each read makes a new one-element list: the function itself keeps only the variable.</remarks>
    public IReadOnlyList<Variable> Inputs => _inputs switch
    {
        Variable one => new[] { one },
        Variable[] several => several,
        _ => [],
    };

    /// <summary>The single input of the last recorded call (the seed's <c>self.input</c>).</summary>
    public Variable Input =>
        _inputs as Variable
            ?? throw new InvalidOperationException(
                _output is null
                    ? $"{GetType().Name} has not been called with backprop enabled, so it has no input."
                    : $"{GetType().Name} has {InputCount} inputs; use Inputs.");

    /// <summary>The output of the last recorded call (the seed's <c>self.output</c>).</summary>
    public Variable Output =>
        _output ?? throw new InvalidOperationException($"{GetType().Name} has not been called with backprop enabled, so it has no output.");

    /// <summary>The outputs of the last recorded call: the one output, or empty before it.</summary>
    public IReadOnlyList<Variable> Outputs => _output is null ? [] : [_output];

    /// <summary>The largest generation among the inputs; backprop runs functions from the highest generation down.</summary>
    public int Generation { get; private set; }

    /// <summary>Runs the function on <paramref name="inputs"/> and, unless inside <see cref="Config.NoGrad"/>, links the output into the graph.</summary>
    /// <param name="inputs">At least one variable, none null.</param>
    /// <returns>A new variable holding the result, whose <see cref="Variable.Creator"/> is this function.</returns>
    public Variable Call(params Variable[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length == 0)
        {
            throw new ArgumentException($"{GetType().Name} needs at least one input.", nameof(inputs));
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentNullException(nameof(inputs), $"Input {i} of {GetType().Name} is null.");
            }
        }

        var y = Evaluate(inputs) ?? throw new InvalidOperationException($"{GetType().Name}.Forward returned null.");
        var output = new Variable(y);
        if (Config.EnableBackprop)
        {
            var generation = 0;
            foreach (var input in inputs)
            {
                generation = Math.Max(generation, input.Generation);
            }

            Generation = generation;
            _inputs = inputs.Length == 1 ? inputs[0] : inputs.Clone();
            _output = output;
            output.SetCreator(this);
        }

        return output;
    }

    /// <summary>The number of inputs of the last recorded call.</summary>
    internal int InputCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _inputs is Variable ? 1 : (_inputs as Variable[])?.Length ?? 0;
    }

    /// <summary>The output of the last recorded call, or null.</summary>
    internal Variable? RecordedOutput => _output;

    /// <summary>Input <paramref name="index"/> of the last recorded call, without making a list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Variable InputAt(int index) => _inputs is Variable one && index == 0 ? one : ((Variable[])_inputs!)[index];

    /// <summary>The forward pass on the inputs' data: <see cref="ForwardAll"/>, unless a subclass of this assembly knows a cheaper way.</summary>
    internal virtual NDArray? Evaluate(Variable[] inputs)
    {
        var xs = new NDArray[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            xs[i] = inputs[i].Data;
        }

        return ForwardAll(xs);
    }

    /// <summary>
    /// The backward pass of a recorded call: adds each input's gradient into its <see cref="Variable.Grad"/>. By default
    /// through <see cref="BackwardAll"/>, whose result is checked, as a user's subclass may return anything.
    /// </summary>
    internal virtual void Backpropagate(Variable output, BackwardQueue pass)
    {
        var gxs = BackwardAll(output.Grad!);
        var count = InputCount;
        var name = GetType().Name;
        if (gxs is null || gxs.Length != count)
        {
            throw new InvalidOperationException(
                $"{name}.BackwardAll returned {gxs?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"} gradients for {count} inputs.");
        }

        for (var i = 0; i < gxs.Length; i++)
        {
            var input = InputAt(i);
            if (gxs[i] is null)
            {
                throw new InvalidOperationException($"{name}.BackwardAll returned a null gradient for input {i}.");
            }

            if (!gxs[i].Dims.SameAs(input.Data.Dims))
            {
                throw new InvalidOperationException(
                    $"{name}.BackwardAll returned a gradient of shape {NDArray.FormatShape(gxs[i].Shape)} for input {i} of shape {NDArray.FormatShape(input.Shape)}.");
            }
        }

        for (var i = 0; i < gxs.Length; i++)
        {
            InputAt(i).AccumulateGrad(gxs[i]);
        }
    }

    /// <summary>The forward computation of a one-input function (the seed's <c>forward(self, x)</c>).</summary>
    /// <param name="x">The input's data.</param>
    public virtual NDArray Forward(NDArray x) =>
        throw new NotImplementedException(
            $"{GetType().Name} must override Forward(NDArray x) (one input) or ForwardAll(NDArray[] xs) (several inputs).");

    /// <summary>The backward computation of a one-input function: the input's gradient from the output's (the seed's <c>backward(self, gy)</c>).</summary>
    /// <param name="gy">The gradient of the output.</param>
    public virtual NDArray Backward(NDArray gy) =>
        throw new NotImplementedException(
            $"{GetType().Name} must override Backward(NDArray gy) (one input) or BackwardAll(NDArray gy) (several inputs).");

    /// <summary>The forward computation for any number of inputs; by default calls <see cref="Forward"/> for one input.</summary>
    /// <param name="xs">The inputs' data, in order.</param>
    public virtual NDArray ForwardAll(NDArray[] xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        return xs.Length == 1
            ? Forward(xs[0])
            : throw new NotImplementedException(
                $"{GetType().Name} was called with {xs.Length} inputs: override ForwardAll(NDArray[] xs) and BackwardAll(NDArray gy).");
    }

    /// <summary>The backward computation for any number of inputs: one gradient per input, in order; by default calls <see cref="Backward"/> for one input.</summary>
    /// <param name="gy">The gradient of the output.</param>
    public virtual NDArray[] BackwardAll(NDArray gy)
    {
        if (_output is null)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} has not been called with backprop enabled, so there is nothing to backpropagate.");
        }

        return _inputs is Variable
            ? [Backward(gy)]
            : throw new NotImplementedException($"{GetType().Name} has {InputCount} inputs: override BackwardAll(NDArray gy).");
    }
}
