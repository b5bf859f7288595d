using System;
using System.Collections.Generic;

namespace DeZero;

/// <summary>The base of every graph node: <see cref="Call"/> does the bookkeeping, a subclass writes only the math.</summary>
/// <remarks>
/// One input: override <see cref="Forward"/> and <see cref="Backward"/>, exactly as the seed writes
/// <c>class Square(Function)</c>. Several inputs: override <see cref="ForwardAll"/> and <see cref="BackwardAll"/>
/// (C# cannot overload <c>Backward</c> on its return type alone, hence the second pair of names).
/// </remarks>
public abstract class Function
{
    private Variable[] _inputs = [];
    private Variable? _output;

    /// <summary>The last backward pass that queued this function (see <see cref="Variable.Backward"/>).</summary>
    internal long BackwardPass;

    /// <summary>The inputs of the last recorded call; empty before it.</summary>
    public IReadOnlyList<Variable> Inputs => _inputs;

    /// <summary>The single input of the last recorded call (the seed's <c>self.input</c>).</summary>
    public Variable Input =>
        _inputs.Length == 1
            ? _inputs[0]
            : throw new InvalidOperationException(
                _output is null
                    ? $"{GetType().Name} has not been called with backprop enabled, so it has no input."
                    : $"{GetType().Name} has {_inputs.Length} inputs; use Inputs.");

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

        var xs = new NDArray[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            xs[i] = (inputs[i] ?? throw new ArgumentNullException(nameof(inputs), $"Input {i} of {GetType().Name} is null.")).Data;
        }

        var y = ForwardAll(xs) ?? throw new InvalidOperationException($"{GetType().Name}.Forward returned null.");
        var output = new Variable(y);
        if (Config.EnableBackprop)
        {
            var generation = 0;
            foreach (var input in inputs)
            {
                generation = Math.Max(generation, input.Generation);
            }

            Generation = generation;
            _inputs = (Variable[])inputs.Clone();
            _output = output;
            output.SetCreator(this);
        }

        return output;
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

        return _inputs.Length == 1
            ? [Backward(gy)]
            : throw new NotImplementedException($"{GetType().Name} has {_inputs.Length} inputs: override BackwardAll(NDArray gy).");
    }
}
