// stage output: sources arrive here
