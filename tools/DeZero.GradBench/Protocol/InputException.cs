using System;

namespace DeZero.GradBench.Protocol;

/// <summary>A message or input the tool cannot serve; its message names the field or value at fault.</summary>
internal sealed class InputException(string message) : Exception(message);
