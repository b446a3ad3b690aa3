// stage ingest: sources arrive here
