// The batches the scheduler steps on are `Points.SampleBatch`; `import DDIM` brings them along.
@_exported import Points
