"""The data audits: the shipped data says what the sources say (statement, batches, places, status), and the audit command on small fixtures."""
