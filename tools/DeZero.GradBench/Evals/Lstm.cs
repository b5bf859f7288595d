using System;

namespace DeZero.GradBench.Evals;

/// <summary>
/// GradBench's <c>lstm</c> eval (ADBench's): the loss of an <c>l</c>-layer LSTM with diagonal weights predicting each
/// next character of a <c>c</c>-character sequence of <c>b</c>-bit characters, as <c>cpp/gradbench/evals/lstm.hpp</c>.
/// </summary>
internal static partial class Lstm
{
    /// <summary>
    /// The loss <c>-Σₜ Σᵢ gold·(ŷ - logsumexp₂(ŷ)) / count</c>. <paramref name="mainParams"/> is <c>2l × 4b</c>
    /// row-major (per layer a row of weights, then a row of biases, each the forget, input, output and change gates'
    /// <c>b</c> values); <paramref name="extraParams"/> is <c>3 × b</c> (input weight, output weight, output bias);
    /// <paramref name="state"/> is <c>2l × b</c> (per layer hidden, then cell), copied, never written;
    /// <paramref name="sequence"/> is <c>c × b</c>. The variables are the two parameter arrays; state and sequence are
    /// data.
    /// </summary>
    [Differentiable]
    internal static double Objective(ReadOnlySpan<double> mainParams, ReadOnlySpan<double> extraParams,
        [NoDerivative] ReadOnlySpan<double> state, [NoDerivative] ReadOnlySpan<double> sequence, int l, int c, int b)
    {
        Span<double> hiddenAndCell = new double[l * 2 * b];
        for (int i = 0; i < l * 2 * b; i++)
        {
            hiddenAndCell[i] = state[i];
        }

        Span<double> prediction = new double[b];
        double total = 0;
        int count = 0;
        for (int t = 0; t < c - 1; t++)
        {
            for (int i = 0; i < b; i++)
            {
                prediction[i] = sequence[t * b + i] * extraParams[i];
            }

            for (int layer = 0; layer < l; layer++)
            {
                int p = 8 * b * layer;
                int hidden = 2 * b * layer;
                int cell = hidden + b;
                for (int i = 0; i < b; i++)
                {
                    // The first layer reads the scaled input; each next one the hidden state the layer below has
                    // just written.
                    double input = layer == 0 ? prediction[i] : hiddenAndCell[hidden - 2 * b + i];
                    double forget = Sigmoid(input * mainParams[p + i] + mainParams[p + 4 * b + i]);
                    double inGate = Sigmoid(hiddenAndCell[hidden + i] * mainParams[p + b + i] + mainParams[p + 5 * b + i]);
                    double outGate = Sigmoid(input * mainParams[p + 2 * b + i] + mainParams[p + 6 * b + i]);
                    double change = Math.Tanh(hiddenAndCell[hidden + i] * mainParams[p + 3 * b + i] + mainParams[p + 7 * b + i]);

                    hiddenAndCell[cell + i] = hiddenAndCell[cell + i] * forget + inGate * change;
                    hiddenAndCell[hidden + i] = outGate * Math.Tanh(hiddenAndCell[cell + i]);
                }
            }

            for (int i = 0; i < b; i++)
            {
                double last = l == 0 ? prediction[i] : hiddenAndCell[2 * b * (l - 1) + i];
                prediction[i] = last * extraParams[b + i] + extraParams[2 * b + i];
            }

            double lse = LogSumExpPlusTwo(prediction);
            for (int i = 0; i < b; i++)
            {
                total += sequence[(t + 1) * b + i] * (prediction[i] - lse);
            }

            count += b;
        }

        return -total / count;
    }

    /// <summary><c>1 / (1 + exp(-x))</c>, as GradBench's <c>sigmoid</c>.</summary>
    [Differentiable]
    internal static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>
    /// <c>log(2 + Σ exp(v[i]))</c>, unshifted: ADBench's <c>logsumexp</c> adds 2 to the sum, and GradBench kept it.
    /// </summary>
    [Differentiable]
    internal static double LogSumExpPlusTwo(ReadOnlySpan<double> v)
    {
        double sum = 0;
        for (int i = 0; i < v.Length; i++)
        {
            sum += Math.Exp(v[i]);
        }

        sum += 2;
        return Math.Log(sum);
    }
}
