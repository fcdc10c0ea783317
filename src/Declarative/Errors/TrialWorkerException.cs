namespace Declarative;

/// <summary>A trial worker cannot run a job's trials: its assembly, pipeline or data cannot be loaded where it runs.</summary>
public sealed class TrialWorkerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrialWorkerException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
