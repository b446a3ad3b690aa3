// stage extract: sources arrive here
