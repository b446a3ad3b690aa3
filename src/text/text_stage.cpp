// stage text: sources arrive here
